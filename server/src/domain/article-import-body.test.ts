import { anchorClaim, getBodyText, LINK_MARK_DEFAULTS, markClaimAtText, readClaim } from '@fc/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blocksFromHtml, blocksFromMarkdown } from './article-import.js'
import { type Block, docUpdateFromBlocks } from '../articles/body.js'
import { editorDocument, type EditorJson } from '../articles/editor-schema.testing.js'

const HTML =
  '<h2>Roads <em>report</em></h2>' +
  '<p>The <strong>minister</strong> said <strong><em>40%</em></strong> of <a href="https://news.example/roads">roads were <b>repaired</b></a>, <a href="javascript:alert(1)">officials</a> said.</p>'

function imported(source: string, read: (source: string) => Block[] = blocksFromHtml): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, docUpdateFromBlocks(read(source)))
  return doc
}

function deltas(doc: Y.Doc): unknown[][] {
  return doc
    .getXmlFragment('body')
    .toArray()
    .map((block) => ((block as Y.XmlElement).get(0) as Y.XmlText).toDelta())
}

describe('imported marks in the body fragment', () => {
  it('are formatting attributes on the block’s Y.XmlText, as y-prosemirror stores Tiptap marks', () => {
    const link = { href: 'https://news.example/roads', ...LINK_MARK_DEFAULTS }
    expect(deltas(imported(HTML))).toEqual([
      [{ insert: 'Roads ' }, { insert: 'report', attributes: { italic: {} } }],
      [
        { insert: 'The ' },
        { insert: 'minister', attributes: { bold: {} } },
        { insert: ' said ' },
        { insert: '40%', attributes: { bold: {}, italic: {} } },
        { insert: ' of ' },
        { insert: 'roads were ', attributes: { link } },
        { insert: 'repaired', attributes: { link, bold: {} } },
        { insert: ', officials said.' },
      ],
    ])
    expect(JSON.stringify(deltas(imported(HTML)))).not.toContain('javascript')
  })

  it('leave the plain text exactly as without marks, so claims anchor across them', () => {
    const doc = imported(HTML)
    const text = getBodyText(doc)
    expect(text).toBe('Roads report\n\nThe minister said 40% of roads were repaired, officials said.')
    const quote = 'minister said 40% of roads were repaired'
    const from = text.indexOf(quote)
    const claimId = markClaimAtText(doc, from, from + quote.length, { createdBy: 'u1' })
    const claim = readClaim(doc, claimId)!
    expect(claim.quote).toBe(quote)
    expect(anchorClaim(doc, claim)).toEqual({ status: 'anchored', from, to: from + quote.length })
  })

  it('keeps unmarked blocks as a plain Y.XmlText', () => {
    expect(deltas(imported('<p>Just <span>words</span>.</p>'))).toEqual([[{ insert: 'Just words.' }]])
  })
})

const STRUCTURED =
  '<h5>Small print</h5>' +
  '<ul><li>Roads: <b>40%</b> repaired<ul><li>in the north</li></ul></li><li>Bridges: none</li></ul>' +
  '<ol start="3"><li>Third point</li></ol>' +
  '<blockquote onclick="alert(1)"><p>We repaired 40% of the roads.</p><p>All by 2025.</p></blockquote>' +
  '<pre><code>total = roads &lt; 100\n  ? "few"\n  : "many"</code></pre>'

const para = (text: string): EditorJson => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const item = (...content: EditorJson[]): EditorJson => ({ type: 'listItem', content })

describe('imported lists, quotes, code blocks and headings in the body fragment', () => {
  it('are a document of the editor’s own schema (Tiptap StarterKit), which it reads without rewriting anything', async () => {
    const doc = imported(STRUCTURED)
    const body = doc.getXmlFragment('body')
    const editor = await editorDocument(body)
    expect(() => editor.node.check()).not.toThrow()
    expect(editor.json.content).toEqual([
      { type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: 'Small print' }] },
      {
        type: 'bulletList',
        content: [
          item(
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Roads: ' },
                { type: 'text', text: '40%', marks: [{ type: 'bold' }] },
                { type: 'text', text: ' repaired' },
              ],
            },
            { type: 'bulletList', content: [item(para('in the north'))] },
          ),
          item(para('Bridges: none')),
        ],
      },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [item(para('Third point'))] },
      { type: 'blockquote', content: [para('We repaired 40% of the roads.'), para('All by 2025.')] },
      {
        type: 'codeBlock',
        attrs: { language: null },
        content: [{ type: 'text', text: 'total = roads < 100\n  ? "few"\n  : "many"' }],
      },
    ])
    // Nothing was dropped on the way in (y-prosemirror deletes elements the schema refuses).
    expect(body.length).toBe(5)
    expect(editor.rewrites()).toBe(0)
  })

  it('keep an item that opens with a nested list valid, and the editor’s default start of 1', async () => {
    const editor = await editorDocument(imported('<ol><li><ul><li>nested</li></ul></li></ol>').getXmlFragment('body'))
    expect(() => editor.node.check()).not.toThrow()
    expect(editor.json.content).toEqual([
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [item({ type: 'paragraph' }, { type: 'bulletList', content: [item(para('nested'))] })],
      },
    ])
    expect(editor.rewrites()).toBe(0)
  })

  it('read as plain text one block per paragraph, heading and code block; lists and quotes add nothing', () => {
    expect(getBodyText(imported(STRUCTURED))).toBe(
      [
        'Small print',
        'Roads: 40% repaired',
        'in the north',
        'Bridges: none',
        'Third point',
        'We repaired 40% of the roads.',
        'All by 2025.',
        'total = roads < 100\n  ? "few"\n  : "many"',
      ].join('\n\n'),
    )
  })

  it.each([
    ['a list item', 'in the north'],
    ['a nested list item’s parent, across its mark', '40% repaired'],
    ['a blockquote', 'repaired 40% of the roads'],
    ['a code block', 'roads < 100'],
  ])('let a claim be marked on a quote inside %s, and found again by its quote alone', (_where, quote) => {
    const doc = imported(STRUCTURED)
    const text = getBodyText(doc)
    const from = text.indexOf(quote)
    expect(from).toBeGreaterThanOrEqual(0)
    const claim = readClaim(doc, markClaimAtText(doc, from, from + quote.length, { createdBy: 'u1' }))!
    expect(claim.quote).toBe(quote)
    expect(anchorClaim(doc, claim)).toEqual({ status: 'anchored', from, to: from + quote.length })
    expect(anchorClaim(doc, { ...claim, start: undefined, end: undefined })).toEqual({
      status: 'reanchored',
      from,
      to: from + quote.length,
    })
  })
})

const RULE: EditorJson = { type: 'horizontalRule' }

/** What the editor reads of an imported body, once proven valid and left as written. */
async function editorContent(source: string, read?: (source: string) => Block[]): Promise<EditorJson[]> {
  const editor = await editorDocument(imported(source, read).getXmlFragment('body'))
  expect(() => editor.node.check()).not.toThrow()
  expect(editor.rewrites()).toBe(0)
  return editor.json.content!
}

const RULE_CASES: Array<[string, string, EditorJson[]]> = [
  ['between paragraphs', '<p>Before.</p><hr><p>After.</p>', [para('Before.'), RULE, para('After.')]],
  [
    'splitting a paragraph, marks kept on either side',
    '<p>Roads <b>repaired</b><hr><b>bridges</b> next.</p>',
    [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Roads ' },
          { type: 'text', text: 'repaired', marks: [{ type: 'bold' }] },
        ],
      },
      RULE,
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bridges', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' next.' },
        ],
      },
    ],
  ],
  ['splitting a div', '<div>One.<hr/>Two.</div>', [para('One.'), RULE, para('Two.')]],
  [
    'in list items, after a paragraph or opening the item',
    '<ul><li>North<hr>South</li><li><hr>Rule first</li></ul>',
    [
      {
        type: 'bulletList',
        content: [item(para('North'), RULE, para('South')), item({ type: 'paragraph' }, RULE, para('Rule first'))],
      },
    ],
  ],
  [
    'in blockquotes, even as the only block',
    '<blockquote><p>Quoted.</p><hr></blockquote><blockquote><hr></blockquote>',
    [
      { type: 'blockquote', content: [para('Quoted.'), RULE] },
      { type: 'blockquote', content: [RULE] },
    ],
  ],
  ['leading, trailing and consecutive', '<hr><p>Text.</p><hr><hr><hr>', [RULE, para('Text.'), RULE, RULE, RULE]],
  ['as a whole document of one rule', '<hr>', [RULE]],
]

describe('imported horizontal rules in the body fragment', () => {
  it('are leaf elements, as y-prosemirror stores the editor’s rule', () => {
    const body = imported('<p>Before.</p><hr><p>After.</p>').getXmlFragment('body')
    expect(body.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual([
      'paragraph',
      'horizontalRule',
      'paragraph',
    ])
    const rule = body.get(1) as Y.XmlElement
    expect(rule.length).toBe(0)
    expect(rule.getAttributes()).toEqual({})
  })

  it.each(RULE_CASES)('are kept %s, valid for the editor and unchanged by it', async (_where, html, content) => {
    expect(await editorContent(html)).toEqual(content)
  })

  it('read as an empty block in plain text, like a rule drawn in the editor, and claims after one anchor', () => {
    const doc = imported('<p>Roads repaired.<hr>Bridges next.</p>')
    const text = getBodyText(doc)
    expect(text).toBe('Roads repaired.\n\n\n\nBridges next.')
    const quote = 'Bridges next'
    const from = text.indexOf(quote)
    const claim = readClaim(doc, markClaimAtText(doc, from, from + quote.length, { createdBy: 'u1' }))!
    expect(claim.quote).toBe(quote)
    expect(anchorClaim(doc, claim)).toEqual({ status: 'anchored', from, to: from + quote.length })
    expect(anchorClaim(doc, { ...claim, start: undefined, end: undefined })).toEqual({
      status: 'reanchored',
      from,
      to: from + quote.length,
    })
  })
})

describe('imported ordered list numbering and code block languages', () => {
  it.each(['1', 'a', 'A', 'i', 'I'])(
    'keep ol type="%s" as the editor’s `type`, a string it leaves as written',
    async (type) => {
      expect(await editorContent(`<ol type="${type}" start="4"><li>Fourth</li></ol>`)).toEqual([
        { type: 'orderedList', attrs: { start: 4, type }, content: [item(para('Fourth'))] },
      ])
    },
  )

  it('leave a refused type as the editor’s default, null', async () => {
    expect(await editorContent('<ol type="disc"><li>x</li></ol>')).toEqual([
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [item(para('x'))] },
    ])
  })

  const code = (text: string, language: string | null): EditorJson => ({
    type: 'codeBlock',
    attrs: { language },
    content: [{ type: 'text', text }],
  })

  it.each<[string, string, ((source: string) => Block[])?]>([
    ['an HTML code class', '<pre><code class="hljs language-c++">a &lt; b</code></pre>'],
    ['a Markdown fence', '```c++\na < b\n```', blocksFromMarkdown],
  ])('keep the language of %s as the code block’s `language`', async (_from, source, read) => {
    expect(await editorContent(source, read)).toEqual([code('a < b', 'c++')])
  })

  it.each<[string, string, ((source: string) => Block[])?]>([
    ['a Markdown fence without one', '```\nx\n```', blocksFromMarkdown],
    ['a class breaking out of its quotes', `<pre><code class='language-js" onclick="alert(1)'>x</code></pre>`],
    ['a class holding markup', '<pre><code class="language-&lt;script&gt;">x</code></pre>'],
  ])('leave the language null for %s', async (_from, source, read) => {
    const content = await editorContent(source, read)
    expect(content).toEqual([code('x', null)])
    expect(JSON.stringify(imported(source, read).getXmlFragment('body').toJSON())).not.toMatch(
      /language|onclick|script/,
    )
  })
})

describe('a very long container in the body fragment', () => {
  it('a list of 130,000 items is written whole (one insert of them all overflowed the stack)', () => {
    const items = Array.from({ length: 130_000 }, (_, i) => ({
      type: 'listItem' as const,
      content: [{ type: 'paragraph' as const, text: `item ${i}` }],
    }))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, docUpdateFromBlocks([{ type: 'bulletList', content: items }]))
    const list = doc.getXmlFragment('body').get(0) as Y.XmlElement
    expect(list.length).toBe(130_000)
    expect((list.get(129_999) as Y.XmlElement).toString()).toBe(
      '<listitem><paragraph>item 129999</paragraph></listitem>',
    )
  }, 30_000)
})
