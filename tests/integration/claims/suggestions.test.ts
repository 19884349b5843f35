import { covers, getBodyText, markClaimAtText, readClaims, suggestCheckworthy, uncoveredSuggestions } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { startServer, type TestServer } from '../support/server.js'
import { writableDoc } from '../support/session.js'

// One suggester, one answer: the API leaves out what a claim covers, as the sidebar does.
const ARTICLE = [
  'In its statement, the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded during the attacks.',
  'It also claimed to have taken 18 personnel captive, reported NDTV.',
  'The group further stated that it seized or destroyed more than 30 government-linked facilities.',
].join('\n')

type Listed = Array<{
  start: number
  end: number
  quote: string
  score: number
  reasons: string[]
  explanations: string[]
}>

describe('GET /api/articles/:id/suggestions and existing claims', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('a stock client marks a claim on part of a sentence; the API then leaves that sentence out, unless ?all=1', async () => {
    const access = await writableDoc(server, ARTICLE)
    const before = await call<Listed>(server, `/api/articles/${access.articleId}/suggestions`, { token: access.token })
    expect(before.status).toBe(200)
    expect(before.body.map((s) => s.quote)).toEqual(suggestCheckworthy(ARTICLE).map((s) => s.quote))
    const captives = before.body.find((s) => s.quote.startsWith('It also claimed to have taken 18 personnel captive'))
    expect(captives).toBeDefined()
    expect(captives!.explanations.length).toBeGreaterThan(0)

    const bot = connectClient(server, access.docId, access.params)
    try {
      await bot.synced
      const text = getBodyText(bot.doc)
      const phrase = 'taken 18 personnel captive'
      const from = text.indexOf(phrase)
      // A phrase inside the sentence: the shared rule counts it as covering the sentence.
      expect(covers({ from, to: from + phrase.length }, captives!)).toBe(true)
      const claimId = markClaimAtText(bot.doc, from, from + phrase.length, { createdBy: 'bot' })
      await waitFor(() => readClaims(bot.doc).some((c) => c.id === claimId))

      await eventually(
        async () => {
          const after = await call<Listed>(server, `/api/articles/${access.articleId}/suggestions`, {
            token: access.token,
          })
          return after.status === 200 && !after.body.some((s) => s.quote === captives!.quote)
        },
        5000,
        'the API to leave out the claimed sentence',
      )

      const after = await call<Listed>(server, `/api/articles/${access.articleId}/suggestions`, { token: access.token })
      expect(after.body).toEqual(uncoveredSuggestions(before.body, [{ from, to: from + phrase.length }]))
      expect(after.body.length).toBe(before.body.length - 1)

      const all = await call<Listed>(server, `/api/articles/${access.articleId}/suggestions?all=1`, {
        token: access.token,
      })
      expect(all.status).toBe(200)
      expect(all.body).toEqual(before.body)
    } finally {
      bot.destroy()
    }
  })
})
