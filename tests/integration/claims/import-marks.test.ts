import { anchorClaims, bodyFragment, getBodyText, LINK_MARK_DEFAULTS, markClaimAtText, readClaims } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { call, createArticle, signUp, type Account } from '../support/accounts.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { startServer, type TestServer } from '../support/server.js'

const HREF = 'https://news.example/roads'
const HTML = [
  '<h1>Roads <em>report</em></h1>',
  `<p>The <strong>minister</strong> said <b><i>40%</i></b> of <a href="${HREF}">roads were <b>repaired</b></a>,`,
  ' <a href="javascript:alert(document.cookie)">officials</a> said.<script>alert(1)</script></p>',
].join('')

type Delta = Array<{ insert: string; attributes?: Record<string, unknown> }>

function blockDeltas(doc: Y.Doc): Delta[] {
  return bodyFragment(doc)
    .toArray()
    .map((block) => ((block as Y.XmlElement).get(0) as Y.XmlText).toDelta() as Delta)
}

describe('articles imported from HTML and Markdown keep their inline marks', () => {
  let server: TestServer
  let owner: Account

  beforeAll(async () => {
    server = await startServer()
    owner = await signUp(server, 'importer')
  })
  afterAll(() => server?.stop())

  it('a stock y-websocket client finds bold, italic and a safe link in the body; the javascript: link is plain text', async () => {
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Roads', html: HTML })
    const client = connectClient(server, article.docId, { token: owner.token })
    try {
      await client.synced
      await waitFor(() => bodyFragment(client.doc).length === 2, 5000, 'the imported body')
      const link = { href: HREF, ...LINK_MARK_DEFAULTS }
      expect(blockDeltas(client.doc)).toEqual([
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
      expect(
        bodyFragment(client.doc)
          .toArray()
          .map((b) => (b as Y.XmlElement).nodeName),
      ).toEqual(['heading', 'paragraph'])
      expect(JSON.stringify(blockDeltas(client.doc))).not.toMatch(/javascript|script|cookie/)

      // Claims anchor on the plain text as before: across marks, in the exports too.
      const text = getBodyText(client.doc)
      expect(text).toBe('Roads report\n\nThe minister said 40% of roads were repaired, officials said.')
      const quote = 'minister said 40% of roads were repaired'
      const from = text.indexOf(quote)
      const claimId = markClaimAtText(client.doc, from, from + quote.length, { createdBy: 'bot' })
      expect(anchorClaims(client.doc, readClaims(client.doc)).get(claimId)).toEqual({
        status: 'anchored',
        from,
        to: from + quote.length,
      })
      // The claim reaches the server over the socket; the export reads the live room.
      let annotations: Array<{ target: { selector: Array<Record<string, unknown>> } }> = []
      await eventually(
        async () => {
          annotations = (await call(server, `/api/articles/${article.id}/annotations`, { token: owner.token })).body
          return annotations.length !== 0
        },
        5000,
        'the claim in the annotations export',
      ).catch(() => undefined) // the assertions below tell what is missing
      expect(annotations[0]!.target.selector).toContainEqual({
        type: 'TextPositionSelector',
        start: from,
        end: from + quote.length,
      })
    } finally {
      client.destroy()
    }
  })

  it('Markdown keeps **bold**, *italic* and links too', async () => {
    const article = await createArticle(server, owner, owner.workspaceId, {
      title: 'Roads (Markdown)',
      markdown: `The **minister** said *40%* of [roads](${HREF}) were ***repaired***, [officials](javascript:alert(1)) said.`,
    })
    const client = connectClient(server, article.docId, { token: owner.token })
    try {
      await client.synced
      await waitFor(() => bodyFragment(client.doc).length === 1, 5000, 'the imported body')
      expect(blockDeltas(client.doc)[0]).toEqual([
        { insert: 'The ' },
        { insert: 'minister', attributes: { bold: {} } },
        { insert: ' said ' },
        { insert: '40%', attributes: { italic: {} } },
        { insert: ' of ' },
        { insert: 'roads', attributes: { link: { href: HREF, ...LINK_MARK_DEFAULTS } } },
        { insert: ' were ' },
        { insert: 'repaired', attributes: { bold: {}, italic: {} } },
        { insert: ', officials said.' },
      ])
    } finally {
      client.destroy()
    }
  })
})
