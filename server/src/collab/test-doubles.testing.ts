import type { DocStore } from '../storage/doc-store.js'
import type { Peer } from './connection.js'

/** For unit tests of the collab layer: a store with nothing in it that keeps nothing. */
export const emptyStore: DocStore = {
  load: async () => [],
  storedVersions: async () => new Map(),
  appendUpdate: () => undefined,
  onAppend: () => undefined,
  flush: async () => undefined,
  compact: async () => undefined,
  remove: async () => undefined,
  close: async () => undefined,
  storageFull: false,
  quarantined: () => ({ rows: 0, lastAt: null }),
}

/** A socket that records what the server sent it and how it was closed. */
export class RecordingPeer implements Peer {
  readonly sent: Uint8Array[] = []
  closedWith: number | undefined
  closedReason: string | undefined
  sendMessage(message: Uint8Array): void {
    this.sent.push(message)
  }
  close(code: number, reason?: string): void {
    this.closedWith = code
    this.closedReason = reason
  }
}
