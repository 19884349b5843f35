import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bodyFragment, bodyMarkAttributes, LINK_MARK_DEFAULTS, type BodyMarks } from '@fc/shared/schema/index'

// The server writes imported marks with bodyMarkAttributes; the editor must read them with
// its own schema (ArticleEditor's StarterKit) and find nothing to rewrite.
const schema = getSchema([StarterKit.configure({ undoRedo: false })])
const HREF = 'https://news.example/roads'

function importedDoc(runs: Array<[string, BodyMarks?]>): Y.Doc {
  const doc = new Y.Doc()
  const text = new Y.XmlText()
  text.applyDelta(runs.map(([insert, marks]) => ({ insert, attributes: bodyMarkAttributes(marks) })))
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [text])
  bodyFragment(doc).insert(0, [paragraph])
  return doc
}

const RUNS: Array<[string, BodyMarks?]> = [
  ['The ', undefined],
  ['minister', { bold: true }],
  [' said ', undefined],
  ['40%', { bold: true, italic: true }],
  [' of ', undefined],
  ['roads were ', { link: { href: HREF } }],
  ['repaired', { link: { href: HREF }, bold: true }],
  [' by ', undefined],
  ['2025', { code: true }],
  [' ', undefined],
  ['not', { strike: true }],
  [' ', undefined],
  ['all', { underline: true }],
]

describe('imported marks in the editor', () => {
  it('are read into the editor schema’s marks, text intact', () => {
    const doc = importedDoc(RUNS)
    const json = yXmlFragmentToProseMirrorRootNode(bodyFragment(doc), schema).toJSON()
    const link = { type: 'link', attrs: { href: HREF, ...LINK_MARK_DEFAULTS } }
    expect(json.content[0].content).toEqual([
      { type: 'text', text: 'The ' },
      { type: 'text', text: 'minister', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' said ' },
      { type: 'text', text: '40%', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: ' of ' },
      { type: 'text', text: 'roads were ', marks: [link] },
      { type: 'text', text: 'repaired', marks: [link, { type: 'bold' }] },
      { type: 'text', text: ' by ' },
      { type: 'text', text: '2025', marks: [{ type: 'code' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'not', marks: [{ type: 'strike' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'all', marks: [{ type: 'underline' }] },
    ])
  })

  it('match what the editor writes, so syncing the editor back changes nothing', () => {
    const doc = importedDoc(RUNS)
    const node = yXmlFragmentToProseMirrorRootNode(bodyFragment(doc), schema)
    let updates = 0
    doc.on('update', () => updates++)
    updateYFragment(doc, bodyFragment(doc), node, { mapping: new Map(), isOMark: new Map() })
    expect(updates).toBe(0)
  })
})
