import { type AuthMessage, recordAuthMessages } from './access-messages.js'
import type { TestServer } from './server.js'
import { type TestClient, waitFor } from './clients.js'

/**
 * The server's test hook (server/src/collab/access/admission-hold.ts): started with this env, a socket
 * whose URL carries HOLD_PARAM is held after the gate decided and before it joins its room,
 * until the server applies an access change. The race "changed while being let in", every time.
 */
export const HOLD_ADMISSION_ENV = { FC_TEST_HOLD_ADMISSION: '1' }
export const HOLD_PARAM = { 'hold-admission': '1' }
/** HOLD_PARAM as a query string, for sockets opened from a hand-written URL. */
export const HOLD_QUERY = new URLSearchParams(HOLD_PARAM).toString()

/** Resolves once the server holds a socket on this document (the gate has decided it). */
export async function admissionHeld(server: Pick<TestServer, 'logs'>, docId: string, count = 1): Promise<void> {
  const line = `admission held docId=${JSON.stringify(docId)}`
  await waitFor(() => server.logs().split(line).length - 1 >= count, 10_000, `the server to hold a socket on ${docId}`)
}

/**
 * Records the auth messages of a client opened with HOLD_PARAM, then waits until the server
 * holds its socket on `docId`. Returns the messages heard (none yet: the socket is held).
 */
export async function heldClient(
  server: Pick<TestServer, 'logs'>,
  docId: string,
  client: Pick<TestClient, 'provider'>,
): Promise<AuthMessage[]> {
  const heard = recordAuthMessages(client.provider)
  await admissionHeld(server, docId)
  return heard
}
