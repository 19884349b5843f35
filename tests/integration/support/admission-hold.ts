import type { TestServer } from './server.js';
import { waitFor } from './clients.js';

/**
 * The server's test hook (server/src/collab/admission-hold.ts): started with this env, a socket
 * whose URL carries HOLD_PARAM is held after the gate decided and before it joins its room,
 * until the server applies an access change. The race "changed while being let in", every time.
 */
export const HOLD_ADMISSION_ENV = { FC_TEST_HOLD_ADMISSION: '1' };
export const HOLD_PARAM = { 'hold-admission': '1' };

/** Resolves once the server holds a socket on this document (the gate has decided it). */
export async function admissionHeld(server: Pick<TestServer, 'logs'>, docId: string, count = 1): Promise<void> {
  const line = `admission held docId=${JSON.stringify(docId)}`;
  await waitFor(() => server.logs().split(line).length - 1 >= count, 10_000, `the server to hold a socket on ${docId}`);
}
