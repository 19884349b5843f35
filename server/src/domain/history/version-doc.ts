import * as Y from 'yjs'

/**
 * A version's state in a throwaway Y.Doc for one read. gc stays on, as in rooms: a version is
 * read, never edited. The callback must not keep the doc: it is destroyed afterwards.
 */
export function withVersionDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return read(doc)
  } finally {
    doc.destroy()
  }
}
