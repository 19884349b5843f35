import { readFileSync } from 'node:fs'
import type * as Y from 'yjs'

/**
 * For tests only: the web editor's own schema (client/src/editor/ArticleEditor.tsx uses
 * StarterKit) and its Yjs binding, loaded from the client package, so a test can prove that
 * what the server writes into `body` is a document the editor accepts as it is. The server
 * does not depend on Tiptap; only these tests reach into the client's dependencies.
 */
const CLIENT_DIR = new URL('../../../client/', import.meta.url)

interface PmNode {
  toJSON(): EditorJson
  /** Throws when the node (or anything in it) breaks the schema. */
  check(): void
}
export interface EditorJson {
  type: string
  attrs?: Record<string, unknown>
  content?: EditorJson[]
  text?: string
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>
}

/** The ESM entry a package of the client exports (its `import` condition). */
async function importFromClient(name: string): Promise<Record<string, any>> {
  const dir = new URL(`node_modules/${name}/`, CLIENT_DIR)
  const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
    exports: { '.': { import: string } }
  }
  return (await import(new URL(manifest.exports['.'].import, dir).href)) as Record<string, any>
}

/** The body as the editor reads it: a ProseMirror document of the editor's schema. */
export async function editorDocument(
  body: Y.XmlFragment,
): Promise<{ node: PmNode; json: EditorJson; rewrites: () => number }> {
  const [{ getSchema }, { default: StarterKit }, { yXmlFragmentToProseMirrorRootNode, updateYFragment }] =
    await Promise.all([
      importFromClient('@tiptap/core'),
      importFromClient('@tiptap/starter-kit'),
      importFromClient('@tiptap/y-tiptap'),
    ])
  const schema = getSchema([StarterKit.configure({ undoRedo: false })])
  const node = yXmlFragmentToProseMirrorRootNode(body, schema) as PmNode
  /** How many Yjs updates the editor makes when it writes this same document back (0: it reads ours as its own). */
  const rewrites = (): number => {
    const doc = body.doc!
    let updates = 0
    const count = (): void => void updates++
    doc.on('update', count)
    updateYFragment(doc, body, node, { mapping: new Map(), isOMark: new Map() })
    doc.off('update', count)
    return updates
  }
  return { node, json: node.toJSON(), rewrites }
}
