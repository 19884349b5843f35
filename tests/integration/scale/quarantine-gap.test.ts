import { describe, expect, it } from 'vitest'
import { connectClient, eventually, sleep, type TestClient, waitFor } from '../support/clients.js'
import { freshDatabase } from '../support/postgres.js'
import { TEST_REDIS_URL } from '../support/redis.js'
import { startServer, type TestServer } from '../support/server.js'
import { scaleOutMissing } from '../support/two-instances.js'
import { writableDoc } from '../support/session.js'
import { startStallProxy, type StallProxy } from '../support/stall-proxy.js'
import { garbleLogRows, quarantinedRows } from '../support/stored-docs.js'

const missing = await scaleOutMissing('quarantine-gap test')

// A large body, so every storage read of the document shows in the bytes an instance receives.
const BODY = Array.from(
  { length: 1500 },
  (_, i) => `Paragraph ${i}: the minister said ${i}% of roads were repaired this year.`,
).join('\n')

describe.skipIf(missing.length > 0)('a gap left by a quarantined row (PostgreSQL + Redis)', () => {
  it('is asked of storage a bounded number of times, not once per update that arrives behind it', async () => {
    const db = await freshDatabase()
    let proxy: StallProxy | undefined
    const servers: TestServer[] = []
    const clients: TestClient[] = []
    try {
      const a = await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } })
      servers.push(a)
      // Instance B reads PostgreSQL through a proxy that counts what it reads.
      proxy = await startStallProxy(db.url)
      const b = await startServer({ databaseUrl: proxy.url, env: { REDIS_URL: TEST_REDIS_URL } })
      servers.push(b)
      const { docId, params } = await writableDoc(a, BODY)

      // One client on A: its second row continues its first (Yjs clocks are per client).
      const writer = connectClient(a, docId, params)
      clients.push(writer)
      await writer.synced
      const rows = writer.doc.getMap<string>('rows')
      rows.set('lost', 'lost-marker')
      await sleep(150)
      rows.set('behind', 'depends on the lost row')
      await sleep(300)
      expect(await garbleLogRows(a, docId, 'lost-marker', new TextEncoder().encode('garbled'))).toBe(1)

      // B opens the document from storage: the row is quarantined, what follows it waits in Yjs.
      const reader = connectClient(b, docId, params)
      clients.push(reader)
      await reader.synced
      await waitFor(() => reader.doc.getXmlFragment('body').length > 0, 5000, 'the body on B')
      expect(await quarantinedRows(a, docId)).toHaveLength(1)
      // Past B's own scheduled re-reads after opening (150 ms, 1 s, 5 s) and the gap's one
      // recheck: B has read nothing for 1.5 s (timers run late on a busy machine; the workshop
      // clock's safety poll, every 30 s, is the only other query an idle instance makes).
      const counter = proxy
      await sleep(5000)
      await eventually(
        async () => {
          const at = counter.received()
          await sleep(1500)
          return counter.received() === at
        },
        20_000,
        'B done with its scheduled storage reads',
      )
      const before = proxy.received()

      // Forty updates behind the gap reach B over Redis, one every 40 ms.
      for (let i = 0; i < 40; i++) {
        rows.set(`later-${i}`, 'typed behind the gap')
        await sleep(40)
      }
      await sleep(1500)
      const read = proxy.received() - before
      // One read of the document is more than the body's size; forty would be forty times it.
      expect(read).toBeLessThan(BODY.length * 2)
      expect(reader.doc.getMap('rows').has('later-0')).toBe(false)
    } finally {
      for (const c of clients) c.destroy()
      for (const s of servers) await s.stop()
      await proxy?.close()
      await db.drop()
    }
    // Its waits alone (B's scheduled re-reads, the quiet check, forty paced updates) take ~10 s.
  }, 90_000)
})
