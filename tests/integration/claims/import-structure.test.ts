import { anchorClaims, bodyFragment, getBodyText, markClaimAtText, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { editorDocument } from '../../../server/src/articles/editor-schema.testing.js'
import { call, createArticle, signUp, type Account } from '../support/accounts.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { startServer, type TestServer } from '../support/server.js'

// A news article as a newsroom bot would post it: the statement to check is a block quote.
const HTML = [
  '<h1>Roads report</h1>',
  '<p>The minister listed the works:</p>',
  '<ul><li>Roads: <b>40%</b> repaired</li><li>Bridges<ol start="2"><li>two rebuilt</li></ol></li></ul>',
  '<blockquote onclick="alert(1)"><p>We repaired 40% of the roads in one year.</p><p>No government did more.</p></blockquote>',
  '<pre><code>repaired = 412 &lt; planned\n  &amp;&amp; budget &gt; 0<script>alert(2)</script></code></pre>',
].join('')

interface Annotation {
  target: { selector: Array<{ type: string; exact?: string; start?: number; end?: number }> }
}

describe('an article imported from HTML keeps its lists, quotes and code blocks', () => {
  let server: TestServer
  let owner: Account

  beforeAll(async () => {
    server = await startServer()
    owner = await signUp(server, 'structure-importer')
  })
  afterAll(() => server?.stop())

  /** Imports an article and opens it with a stock client once its `blocks` top-level blocks arrived. */
  async function openImported(fields: { title: string; html?: string; markdown?: string }, blocks: number) {
    const article = await createArticle(server, owner, owner.workspaceId, fields)
    const client = connectClient(server, article.docId, { token: owner.token })
    try {
      await client.synced
      const body = bodyFragment(client.doc)
      await waitFor(() => body.length === blocks, 5000, 'the imported body')
      return { article, client, body }
    } catch (err) {
      client.destroy()
      throw err
    }
  }

  it('a stock y-websocket client syncs the structure, valid for the editor, and a claim marked in the quote is exported', async () => {
    const { article, client, body } = await openImported({ title: 'Roads', html: HTML }, 5)
    try {
      expect(body.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual([
        'heading',
        'paragraph',
        'bulletList',
        'blockquote',
        'codeBlock',
      ])
      expect(JSON.stringify(body.toJSON())).not.toMatch(/alert|script|onclick/)

      // The editor's own schema accepts the synced body as it is.
      const editor = await editorDocument(body)
      expect(() => editor.node.check()).not.toThrow()
      const [, , list, quote, code] = editor.json.content!
      expect(list).toEqual({
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'Roads: ' },
                  { type: 'text', text: '40%', marks: [{ type: 'bold' }] },
                  { type: 'text', text: ' repaired' },
                ],
              },
            ],
          },
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Bridges' }] },
              {
                type: 'orderedList',
                attrs: { start: 2, type: null },
                content: [
                  {
                    type: 'listItem',
                    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two rebuilt' }] }],
                  },
                ],
              },
            ],
          },
        ],
      })
      expect(quote).toEqual({
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'We repaired 40% of the roads in one year.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'No government did more.' }] },
        ],
      })
      expect(code).toEqual({
        type: 'codeBlock',
        attrs: { language: null },
        content: [{ type: 'text', text: 'repaired = 412 < planned\n  && budget > 0' }],
      })

      const text = getBodyText(client.doc)
      expect(text).toBe(
        [
          'Roads report',
          'The minister listed the works:',
          'Roads: 40% repaired',
          'Bridges',
          'two rebuilt',
          'We repaired 40% of the roads in one year.',
          'No government did more.',
          'repaired = 412 < planned\n  && budget > 0',
        ].join('\n\n'),
      )

      // The statement to check, inside the blockquote, marked as a bot would.
      const claimed = 'repaired 40% of the roads in one year'
      const from = text.indexOf(claimed)
      const claimId = markClaimAtText(client.doc, from, from + claimed.length, { createdBy: 'bot' })
      expect(anchorClaims(client.doc, readClaims(client.doc)).get(claimId)).toEqual({
        status: 'anchored',
        from,
        to: from + claimed.length,
      })
      // It reaches the server over the socket; the export reads the live room.
      let annotations: Annotation[] = []
      await eventually(
        async () => {
          annotations = (await call(server, `/api/articles/${article.id}/annotations`, { token: owner.token })).body
          return annotations.length !== 0
        },
        5000,
        'the claim in the annotations export',
      ).catch(() => undefined) // the assertions below tell what is missing
      expect(annotations).toHaveLength(1)
      expect(annotations[0]!.target.selector).toContainEqual(
        expect.objectContaining({ type: 'TextQuoteSelector', exact: claimed }),
      )
      expect(annotations[0]!.target.selector).toContainEqual({
        type: 'TextPositionSelector',
        start: from,
        end: from + claimed.length,
      })
    } finally {
      client.destroy()
    }
  })

  it('keeps horizontal rules between, inside and around blocks, valid for the editor', async () => {
    const html =
      '<hr><p>Roads repaired.<hr>Bridges next.</p><ul><li>North<hr>South</li></ul><blockquote><p>Quoted.</p><hr></blockquote><hr><hr>'
    const { client, body } = await openImported({ title: 'Roads (rules)', html }, 8)
    try {
      const editor = await editorDocument(body)
      expect(() => editor.node.check()).not.toThrow()
      expect(editor.rewrites()).toBe(0)
      const rule = { type: 'horizontalRule' }
      const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
      expect(editor.json.content).toEqual([
        rule,
        para('Roads repaired.'),
        rule,
        para('Bridges next.'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para('North'), rule, para('South')] }] },
        { type: 'blockquote', content: [para('Quoted.'), rule] },
        rule,
        rule,
      ])
    } finally {
      client.destroy()
    }
  })

  it('keeps an ol numbering type and code block languages, from Markdown and its raw HTML, as the editor stores them', async () => {
    const markdown = [
      '<ol type="a" start="2"><li>bridges</li></ol>',
      '',
      '```ts',
      'const roads = 412;',
      '```',
      '',
      '```',
      'plain',
      '```',
      '',
      `<pre><code class='language-js" onclick="alert(1)'>hostile</code></pre>`,
    ].join('\n')
    const { client, body } = await openImported({ title: 'Roads (numbering, languages)', markdown }, 4)
    try {
      expect(JSON.stringify(body.toJSON())).not.toMatch(/alert|onclick/)
      const editor = await editorDocument(body)
      expect(() => editor.node.check()).not.toThrow()
      expect(editor.rewrites()).toBe(0)
      const code = (text: string, language: string | null) => ({
        type: 'codeBlock',
        attrs: { language },
        content: [{ type: 'text', text }],
      })
      expect(editor.json.content).toEqual([
        {
          type: 'orderedList',
          attrs: { start: 2, type: 'a' },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'bridges' }] }] },
          ],
        },
        code('const roads = 412;', 'ts'),
        code('plain', null),
        code('hostile', null),
      ])
    } finally {
      client.destroy()
    }
  })

  it('Markdown gets the same structure', async () => {
    const markdown = '- Roads\n- Bridges\n\n> We repaired 40%.\n\n```\na < b\n```'
    const { client, body } = await openImported({ title: 'Roads (Markdown)', markdown }, 3)
    try {
      expect(body.toArray().map((node) => (node as Y.XmlElement).nodeName)).toEqual([
        'bulletList',
        'blockquote',
        'codeBlock',
      ])
      expect(getBodyText(client.doc)).toBe('Roads\n\nBridges\n\nWe repaired 40%.\n\na < b')
    } finally {
      client.destroy()
    }
  })
})
