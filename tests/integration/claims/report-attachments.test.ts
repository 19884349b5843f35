import { addEvidence, addEvidenceAttachment, getBodyText, markClaimAtText, type EvidenceAttachment } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle, signUp, type Account } from '../support/accounts.js'
import { connectClient } from '../support/clients.js'
import { startServer, type TestServer } from '../support/server.js'

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const HOSTILE_NAME = 'x](javascript:alert(1)) [y](https:evil.example).pdf'

async function upload(server: TestServer, articleId: string, token: string, name: string): Promise<EvidenceAttachment> {
  const res = await fetch(`${server.httpUrl}/api/articles/${articleId}/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/pdf',
      'x-filename': encodeURIComponent(name),
    },
    body: new Blob([PDF]),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as EvidenceAttachment
}

async function report(server: TestServer, articleId: string, token: string): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/articles/${articleId}/report.md`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return res.text()
}

describe('the Markdown report lists evidence attachments', () => {
  let server: TestServer
  let owner: Account

  beforeAll(async () => {
    server = await startServer()
    owner = await signUp(server, 'editor')
  })
  afterAll(() => server?.stop())

  it('an uploaded file attached to evidence appears under it with type, size and an absolute download link', async () => {
    const article = await createArticle(server, owner, owner.workspaceId, {
      title: 'Casualties',
      text: 'The group said 84 soldiers were killed on Monday.',
    })
    const statement = await upload(server, article.id, owner.token, 'ISPR statement.pdf')
    const hostile = await upload(server, article.id, owner.token, HOSTILE_NAME)

    const bot = connectClient(server, article.docId, { token: owner.token })
    try {
      await bot.synced
      const text = getBodyText(bot.doc)
      const quote = '84 soldiers were killed'
      const claimId = markClaimAtText(bot.doc, text.indexOf(quote), text.indexOf(quote) + quote.length, {
        createdBy: 'bot',
      })
      const evidenceId = addEvidence(bot.doc, claimId, {
        url: 'https://ispr.example/press',
        title: 'ISPR press release',
        stance: 'refutes',
        addedBy: 'bot',
      })
      addEvidenceAttachment(bot.doc, claimId, evidenceId, statement)
      addEvidenceAttachment(bot.doc, claimId, evidenceId, hostile)

      const expected = `[ISPR statement.pdf](${server.httpUrl}/api/attachments/${statement.id}) (PDF, ${PDF.byteLength} B)`
      let md = ''
      for (let i = 0; i < 50 && !md.includes(expected); i++) {
        md = await report(server, article.id, owner.token)
        if (!md.includes(expected)) await new Promise((r) => setTimeout(r, 100))
      }
      expect(md).toContain(`   Attachments (2):\n\n   - ${expected}\n`)
      // The hostile name is the (escaped) text of our own link, never a link of its own.
      const hostileLine = md.split('\n').find((line) => line.includes(hostile.id))!
      expect(hostileLine).toBe(
        `   - [x\\](javascript:alert(1)) \\[y\\](https:evil.example).pdf](${server.httpUrl}/api/attachments/${hostile.id}) (PDF, ${PDF.byteLength} B)`,
      )

      // The link in the report downloads the file for a member.
      const download = await fetch(`${server.httpUrl}/api/attachments/${statement.id}`, {
        headers: { authorization: `Bearer ${owner.token}` },
      })
      expect(download.status).toBe(200)
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF)
    } finally {
      bot.destroy()
    }
  })
})
