import type * as Y from 'yjs'
import type { RoomRegistry } from '../collab/rooms.js'
import type { DocStore } from '../storage/doc-store.js'
import { withStoredDocument } from '../storage/stored-doc.js'

/**
 * The current state of a document for a read-only use (exports): the open
 * room's live doc when someone is editing it, otherwise a copy from storage.
 * The callback must not keep the doc.
 */
export async function withDocument<T>(
  registry: RoomRegistry,
  store: DocStore,
  docId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const room = registry.openRooms.get(docId)
  return room ? read(room.doc) : withStoredDocument(store, docId, read)
}
