import { randomUUID } from 'node:crypto';
import type { TestServer } from './server.js';

export interface DocAccess {
  docId: string;
  /** Query parameters for the socket (the API token once accounts exist). */
  params: Record<string, string>;
}

/**
 * A fresh document the caller may write. The one place that knows how a test
 * client obtains a document and its credentials.
 */
export async function writableDoc(_server: TestServer): Promise<DocAccess> {
  return { docId: `it-${randomUUID().slice(0, 12)}`, params: {} };
}
