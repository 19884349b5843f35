import * as Y from 'yjs'
import type { RoomRegistry } from '../collab/rooms.js'
import type { DocStore } from '../storage/doc-store.js'

/** Origin of changes the server makes through the API (a restore): stored and relayed like a socket's. */
export const SERVER_EDIT_ORIGIN = Symbol('server-edit')

/**
 * Changes a document as the server: in the open room when someone has it open (so every socket
 * receives the change live, and the room stores and fans it out as any local change), otherwise
 * on a copy from storage whose updates are appended to the log. `change` runs in one transaction.
 */
export async function changeDocument<T>(
  registry: RoomRegistry,
  store: DocStore,
  docId: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const room = registry.openRooms.get(docId)
  if (room) {
    let result!: T
    Y.transact(room.doc, () => (result = change(room.doc)), SERVER_EDIT_ORIGIN)
    return result
  }
  const doc = new Y.Doc()
  try {
    for (const update of await store.load(docId)) Y.applyUpdate(doc, update)
    doc.on('update', (update: Uint8Array) => store.appendUpdate(docId, update))
    let result!: T
    Y.transact(doc, () => (result = change(doc)), SERVER_EDIT_ORIGIN)
    await store.flush()
    return result
  } finally {
    doc.destroy()
  }
}
