import type * as Y from 'yjs'
import type { RoomRegistry } from '../collab/rooms.js'
import type { DocStore } from '../storage/doc-store.js'
import { withStoredDocument } from '../storage/stored-doc.js'

/**
 * One value read from each of many documents (the article list's counts), kept per document
 * until storage says the document changed: rebuilding every stored document on each visit of a
 * list cost 0.5–2 s at 50 articles of 200 claims. Open rooms are read live each time.
 */
export class DocumentMemo<T> {
  private readonly entries = new Map<string, { version: string; value: T }>()

  constructor(
    private readonly read: (doc: Y.Doc) => T,
    private readonly capacity = 5000,
  ) {}

  async readAll(registry: RoomRegistry, store: DocStore, docIds: readonly string[]): Promise<Map<string, T>> {
    const values = new Map<string, T>()
    const stored: string[] = []
    for (const docId of docIds) {
      const room = registry.openRooms.get(docId)
      if (room) values.set(docId, this.read(room.doc))
      else stored.push(docId)
    }
    const versions = await store.storedVersions(stored)
    for (const docId of stored) {
      const version = versions.get(docId)
      const kept = this.entries.get(docId)
      if (version !== undefined && kept?.version === version) {
        values.set(docId, kept.value)
        this.keep(docId, kept)
        continue
      }
      // Read after the version: a change in between is in the value, and the next version differs,
      // so the worst case is one read too many, never a stale value.
      const value = await withStoredDocument(store, docId, this.read)
      values.set(docId, value)
      if (version !== undefined) this.keep(docId, { version, value })
      else this.entries.delete(docId)
    }
    return values
  }

  private keep(docId: string, entry: { version: string; value: T }): void {
    // Least recently read first out: a Map iterates in insertion order.
    this.entries.delete(docId)
    this.entries.set(docId, entry)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
  }
}
