import * as Y from 'yjs'
import type { DocStore } from './doc-store.js'

/**
 * A document as storage holds it, in a throwaway Y.Doc for one read. The
 * callback must not keep the doc: it is destroyed afterwards.
 */
export async function withStoredDocument<T>(store: DocStore, docId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc()
  try {
    for (const update of await store.load(docId)) Y.applyUpdate(doc, update)
    return read(doc)
  } finally {
    doc.destroy()
  }
}
