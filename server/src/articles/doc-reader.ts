import * as Y from 'yjs';
import type { RoomRegistry } from '../collab/rooms.js';
import type { DocStore } from '../storage/doc-store.js';

/**
 * The current state of a document for a read-only use (exports): the open
 * room's live doc when someone is editing it, otherwise a copy from storage.
 * The callback must not keep the doc: a stored copy is destroyed afterwards.
 */
export async function withDocument<T>(registry: RoomRegistry, store: DocStore, docId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const room = registry.openRooms.get(docId);
  if (room) return read(room.doc);
  const doc = new Y.Doc();
  try {
    for (const update of await store.load(docId)) Y.applyUpdate(doc, update);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
