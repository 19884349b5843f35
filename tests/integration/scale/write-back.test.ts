import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, waitFor, type TestClient } from '../support/clients.js'
import { freshDatabase, type FreshDatabase } from '../support/postgres.js'
import { TEST_REDIS_URL } from '../support/redis.js'
import { startServer, type TestServer } from '../support/server.js'
import { scaleOutMissing } from '../support/two-instances.js'
import { writableDoc } from '../support/session.js'
import { startStallProxy, type StallProxy } from '../support/stall-proxy.js'

const missing = await scaleOutMissing('write-back tests')

const BODY = 'The minister said 40% of roads were repaired.'

/** The article's one paragraph, as y-prosemirror lays it out. */
function paragraph(c: TestClient): Y.XmlText | undefined {
  const block = c.doc.getXmlFragment('body').get(0)
  return block instanceof Y.XmlElement ? (block.get(0) as Y.XmlText | undefined) : undefined
}
const text = (c: TestClient) => paragraph(c)?.toString()

const edits: { name: string; edit: (p: Y.XmlText) => void; expected: string }[] = [
  {
    // Deleting advances no state vector: this is the case a state-vector comparison cannot see.
    name: 'a deletion alone',
    edit: (p) => p.delete(BODY.indexOf('40% of '), '40% of '.length),
    expected: 'The minister said roads were repaired.',
  },
  {
    name: 'a deletion and an insertion',
    edit: (p) => {
      p.delete(BODY.indexOf('40% of '), '40% of '.length)
      p.insert(BODY.indexOf('roads') - '40% of '.length, 'most ')
    },
    expected: 'The minister said most roads were repaired.',
  },
]

describe.skipIf(missing.length > 0)('write-back when a room closes (PostgreSQL + Redis)', () => {
  let db: FreshDatabase
  beforeAll(async () => {
    db = await freshDatabase()
  })
  afterAll(async () => {
    await db?.drop()
  })

  for (const { name, edit, expected } of edits) {
    it(`${name}, received by an instance that died uncommitted, is written back by the instance that held it only in memory`, async () => {
      // GROUP_COMMIT_MS is capped at 50 ms, so instance A instead reaches PostgreSQL through a
      // proxy the test stalls: from then on A still relays over Redis but never commits.
      let proxy: StallProxy | undefined
      const servers: TestServer[] = []
      try {
        const b = await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } })
        servers.push(b)
        proxy = await startStallProxy(db.url)
        const a = await startServer({ databaseUrl: proxy.url, env: { REDIS_URL: TEST_REDIS_URL } })
        servers.push(a)

        // The body is committed before the article exists, so both instances load it from storage.
        const { docId, params } = await writableDoc(b, BODY)
        const onA = connectClient(a, docId, params)
        const onB = connectClient(b, docId, params)
        await Promise.all([onA.synced, onB.synced])
        expect(text(onA)).toBe(BODY)
        expect(text(onB)).toBe(BODY)

        proxy.stall()
        edit(paragraph(onA)!)
        expect(text(onA)).toBe(expected)
        await waitFor(() => text(onB) === expected, 10_000, 'the edit to reach B over Redis')

        // A dies with the edit uncommitted; B's open room is now the only holder.
        await a.kill()
        onA.destroy()
        // B's last socket leaves: the room closes and writes back. stop() waits for that unload.
        onB.destroy()
        expect(await b.stop()).toBe(0)

        // Storage alone, read by a fresh instance: A is dead and B stopped, so Redis brings nothing.
        const c = await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } })
        servers.push(c)
        const reader = connectClient(c, docId, params)
        await reader.synced
        expect(text(reader)).toBe(expected)
        reader.destroy()
        // And it was B's room closing that put it there.
        expect(b.logs()).toContain('wrote back updates storage was missing')
        // A room holding nothing storage lacks writes nothing back.
        expect(await c.stop()).toBe(0)
        expect(c.logs()).not.toContain('wrote back')
      } finally {
        for (const s of servers) await s.stop()
        await proxy?.close()
      }
    })
  }
})
