import { getBodyText } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, type Answer, call, signUp } from '../support/accounts.js'
import { connectClient, waitFor } from '../support/clients.js'
import { watchHealth } from '../support/health-watch.js'
import { startServer, type TestServer } from '../support/server.js'

const BUDGET_MS = 1500
// A refused import's worker is replaced: starting a thread and loading the parsers under tsx on a
// shared two-core machine takes up to a few seconds on top of the budget.
const MARGIN_MS = 5000
const CONCURRENCY = 2
const QUEUE_MAX = 2

/**
 * Article bodies that took the server minutes (measured before the import pool: 31 s, 62 s,
 * and 13 s to encode the text's 499,000 paragraphs as a document, all on the event loop).
 */
const HOSTILE: Array<[string, 'markdown' | 'text', Record<string, string>]> = [
  ['Markdown `*a ` x16,000 (48 KB)', 'markdown', { markdown: '*a '.repeat(16_000) }],
  ['Markdown `**a ` x16,000', 'markdown', { markdown: '**a '.repeat(16_000) }],
  ['Text of 499,000 one-letter lines (1 MB)', 'text', { text: 'a\n'.repeat(499_000) }],
]

describe('a hostile article import cannot freeze the server', () => {
  let server: TestServer
  let owner: Account

  beforeAll(async () => {
    server = await startServer({
      env: {
        IMPORT_TIMEOUT_MS: String(BUDGET_MS),
        IMPORT_CONCURRENCY: String(CONCURRENCY),
        IMPORT_QUEUE_MAX: String(QUEUE_MAX),
      },
    })
    owner = await signUp(server, 'hostile-importer')
  })
  afterAll(() => server?.stop())

  const importArticle = (fields: Record<string, string>): Promise<Answer> =>
    call(server, `/api/workspaces/${owner.workspaceId}/articles`, {
      body: { title: 'Import', ...fields },
      token: owner.token,
    })

  /** The import's answer and how long it took, with the health endpoint watched meanwhile. */
  async function timedImport(fields: Record<string, string>) {
    const health = watchHealth(server)
    const started = performance.now()
    const answer = await importArticle(fields)
    const elapsedMs = performance.now() - started
    return { answer, elapsedMs, health: await health.stop() }
  }

  /** Imports an article: created, and a stock client finds `text` in its body. */
  async function importShows(fields: Record<string, string>, text: string): Promise<void> {
    const answer = await importArticle(fields)
    expect(answer.status).toBe(201)
    await bodyShows(answer.body.docId, text)
  }

  async function bodyShows(docId: string, text: string): Promise<void> {
    const client = connectClient(server, docId, { token: owner.token })
    try {
      await client.synced
      await waitFor(() => getBodyText(client.doc).includes(text), 5000, 'the imported text')
    } finally {
      client.destroy()
    }
  }

  /** An honest article imported right after a hostile one works as ever. */
  const honestImportWorks = () =>
    importShows({ markdown: '# Roads\n\nThe minister said **40%** of roads were repaired.' }, '40% of roads')

  for (const [what, field, fields] of HOSTILE) {
    it(`${what}: 413 within the budget, health answers meanwhile, an honest import after works`, async () => {
      const { answer, elapsedMs, health } = await timedImport(fields)
      expect(answer.status).toBe(413)
      expect(answer.body.error).toMatch(new RegExp(`^${field}: too complex to import within ${BUDGET_MS} ms`))
      expect(elapsedMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
      expect(health.answered).toBeGreaterThan(3)
      expect(health.failures).toBe(0)
      expect(health.slowestMs).toBeLessThan(500)
      await honestImportWorks()
    })
  }

  it('HTML `<b>` x80,000 (240 KB): answered cleanly within the budget (its text-free body, or 413), health meanwhile', async () => {
    const { answer, elapsedMs, health } = await timedImport({ html: '<b>'.repeat(80_000) })
    // The reader is linear in nesting now; what is left is the sanitizer's parser, about 2 s here.
    expect([201, 413]).toContain(answer.status)
    if (answer.status === 413) expect(answer.body.error).toMatch(/^html: too complex to import/)
    expect(elapsedMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    expect(health.failures).toBe(0)
    expect(health.slowestMs).toBeLessThan(500)
    await honestImportWorks()
  })

  it('Markdown of 20,000 `>` in a row (a 500 before): flattened like deep HTML, its text imported; health meanwhile', async () => {
    const { answer, elapsedMs, health } = await timedImport({ markdown: `${'>'.repeat(20_000)} deep quote` })
    expect(answer.status).toBe(201)
    await bodyShows(answer.body.docId, 'deep quote')
    expect(elapsedMs).toBeLessThan(BUDGET_MS + MARGIN_MS)
    expect(health.failures).toBe(0)
    expect(health.slowestMs).toBeLessThan(500)
    await importShows({ markdown: `${'- '.repeat(5000)}deep item` }, 'deep item')
    await honestImportWorks()
  })

  it('20 hostile imports at once: at most concurrency + queue are parsed, the rest get 429 at once; health holds', async () => {
    const health = watchHealth(server)
    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const answer = await importArticle({ markdown: '*a '.repeat(16_000) })
        return { status: answer.status, error: answer.body.error as string, ms: performance.now() - started }
      }),
    )
    const record = await health.stop()

    const parsed = answers.filter((a) => a.status === 413)
    const refused = answers.filter((a) => a.status === 429)
    expect(parsed.length + refused.length).toBe(20)
    expect(parsed.length).toBeLessThanOrEqual(CONCURRENCY + QUEUE_MAX)
    expect(refused.length).toBeGreaterThanOrEqual(20 - CONCURRENCY - QUEUE_MAX)
    for (const a of refused) expect(a.error).toMatch(/too many article imports in progress/)
    // The queued ones wait for one budget, then take their own.
    for (const a of parsed) expect(a.ms).toBeLessThan(2 * BUDGET_MS + 2 * MARGIN_MS)
    expect(record.failures).toBe(0)
    expect(record.slowestMs).toBeLessThan(500)
    await honestImportWorks()
  })
})

describe('an import that needs more memory than a worker has', () => {
  let server: TestServer
  let owner: Account
  beforeAll(async () => {
    // A generous time budget: the heap, not the clock, is what refuses this one.
    // 32 MB holds the parsers and an ordinary article with room to spare.
    server = await startServer({ env: { IMPORT_WORKER_HEAP_MB: '32', IMPORT_TIMEOUT_MS: '20000' } })
    owner = await signUp(server, 'heavy-importer')
  })
  afterAll(() => server?.stop())

  it('is refused with 413 naming the heap budget; the server lives on and imports a small article', async () => {
    // 499,000 paragraphs, and then as many document elements: hundreds of MB of heap.
    const heavy = await call(server, `/api/workspaces/${owner.workspaceId}/articles`, {
      body: { title: 'Heavy', text: 'a\n'.repeat(499_000) },
      token: owner.token,
    })
    expect(heavy.status).toBe(413)
    expect(heavy.body).toEqual({ error: 'text: too large to import (needs more than 32 MB)' })
    const small = await call(server, `/api/workspaces/${owner.workspaceId}/articles`, {
      body: { title: 'Small', markdown: 'A *small* one.' },
      token: owner.token,
    })
    expect(small.status).toBe(201)
  })
})
