import { afterAll, describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, reopenAfterKill, sleep, type TestClient, waitFor } from '../support/clients.js'
import { garbleLogRows, garbleSnapshot, quarantinedRows } from '../support/stored-docs.js'
import { writableDoc } from '../support/session.js'

const JUNK = new TextEncoder().encode('garbled on disk: these bytes are not a Yjs update')
const EXPORTS = ['claimreview', 'report.md', 'annotations', 'suggestions']

describe.each(backends())('a garbled stored row ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'is quarantined and reported; the document opens with the other rows and its exports answer',
    async () => {
      const server = await backend.start()
      const clients: TestClient[] = []
      try {
        const { docId, articleId, token, params } = await writableDoc(
          server,
          'The minister said 40% of roads were repaired.',
        )
        // Three writers, one log row each: with its own client id, no row depends on another's.
        const t0 = Date.now()
        for (const key of ['first', 'second', 'third']) {
          console.log('T', key, Date.now() - t0)
          const writer = connectClient(server, docId, params)
          clients.push(writer)
          await writer.synced
          writer.doc.getMap<string>('rows').set(key, `${key}-marker`)
          await sleep(150)
        }
        console.log('T before wait', Date.now() - t0)
        await waitFor(() => clients[0]!.doc.getMap('rows').size === 3, 5000, 'all three rows relayed')
        console.log('T after wait', Date.now() - t0)
        await sleep(300)
        // Killed with the room open: no unload folds the log into a snapshot.
        await server.kill()
        for (const c of clients.splice(0)) c.destroy()
        expect(await garbleLogRows(server, docId, 'second-marker', JUNK)).toBe(1)

        console.log('T before restart', Date.now() - t0)
        await server.restart()
        console.log('T after restart', Date.now() - t0)
        // Read from storage (no room open): every export answers from what decodes.
        for (const name of EXPORTS) {
          const res = await call(server, `/api/articles/${articleId}/${name}`, { token })
          expect(res.status, name).toBe(200)
        }
        const report = await call(server, `/api/articles/${articleId}/report.md`, { token })
        expect(report.status).toBe(200)

        const reader = connectClient(server, docId, params)
        clients.push(reader)
        await reader.synced
        const rows = reader.doc.getMap<string>('rows')
        expect(rows.toJSON()).toEqual({ first: 'first-marker', third: 'third-marker' })
        expect(reader.doc.getXmlFragment('body').toString()).toContain('40% of roads')

        const quarantined = await quarantinedRows(server, docId)
        expect(quarantined.map((r) => ({ kind: r.kind, data: Buffer.from(r.data).toString() }))).toEqual([
          { kind: 'update', data: Buffer.from(JUNK).toString() },
        ])
        expect(quarantined[0]!.error).not.toBe('')
        expect(server.logs()).toMatch(
          /quarantined a stored document row that does not decode docId="[^"]+" kind="update"/,
        )
        const health = await call(server, '/api/health')
        expect(health.status).toBe(200)
        expect(health.body).toMatchObject({ ok: true, quarantine: { rows: 1 } })
        expect(Date.parse(health.body.quarantine.lastAt)).toBeGreaterThan(0)

        // Editing goes on, and the document opens again after a restart without the row.
        rows.set('fourth', 'typed after the repair')
        await sleep(300)
        const again = await reopenAfterKill(server, clients, docId, params)
        expect(again.doc.getMap('rows').toJSON()).toEqual({
          first: 'first-marker',
          third: 'third-marker',
          fourth: 'typed after the repair',
        })
        expect(await quarantinedRows(server, docId)).toHaveLength(1)
      } finally {
        for (const c of clients) c.destroy()
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'a garbled snapshot is quarantined too, and the document opens with the log after it',
    async () => {
      const server = await backend.start()
      const clients: TestClient[] = []
      try {
        const { docId, articleId, token, params } = await writableDoc(server, 'Unemployment fell to 3% last year.')
        const first = connectClient(server, docId, params)
        await first.synced
        first.doc.getMap<string>('rows').set('folded', 'in the snapshot')
        await sleep(300)
        // The last socket leaves: the room unloads and its log is folded into the snapshot.
        first.destroy()
        await sleep(1000)
        expect(await garbleSnapshot(server, docId, JUNK)).toBe(true)

        // A writer with its own client id adds a log row after the snapshot.
        const later = connectClient(server, docId, params)
        clients.push(later)
        await later.synced
        later.doc.getMap<string>('rows').set('logged', 'after the snapshot')
        await sleep(300)
        await server.kill()
        for (const c of clients.splice(0)) c.destroy()
        await server.restart()

        expect((await call(server, `/api/articles/${articleId}/report.md`, { token })).status).toBe(200)
        const reader = connectClient(server, docId, params)
        clients.push(reader)
        await reader.synced
        expect(reader.doc.getMap<string>('rows').get('logged')).toBe('after the snapshot')
        expect((await quarantinedRows(server, docId)).map((r) => r.kind)).toEqual(['snapshot'])
      } finally {
        for (const c of clients) c.destroy()
        await server.stop()
      }
    },
  )
})
