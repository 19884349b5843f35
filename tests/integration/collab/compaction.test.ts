import { afterAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import { connectClient, waitFor } from '../support/clients.js'
import { writableDoc } from '../support/session.js'

describe.each(backends())('compaction while people edit ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'folding the log every 20 updates, during edits and on unload, loses nothing',
    async () => {
      const server = await backend.start({ env: { COMPACT_AFTER_UPDATES: '20' } })
      try {
        const { docId, params } = await writableDoc(server)
        const a = connectClient(server, docId, params)
        const b = connectClient(server, docId, params)
        await Promise.all([a.synced, b.synced])
        for (let i = 0; i < 300; i++) {
          a.doc.getArray<string>('items').push([`a${i}`])
          b.doc.getArray<string>('items').push([`b${i}`])
          if (i % 25 === 0) {
            a.doc.getText('t').insert(0, `${i};`)
            await new Promise((r) => setTimeout(r, 30)) // let group commits and compactions interleave
          }
        }
        a.doc.getText('t').delete(0, 3) // a deletion must survive compaction too
        await waitFor(
          () => a.doc.getArray('items').length === 600 && b.doc.getArray('items').length === 600,
          10_000,
          'convergence',
        )
        await waitFor(() => b.doc.getText('t').toString() === a.doc.getText('t').toString(), 5000, 'text convergence')
        const expectedText = a.doc.getText('t').toString()
        a.destroy()
        b.destroy()
        expect(await server.stop()).toBe(0)

        await server.restart()
        const reader = connectClient(server, docId, params)
        await reader.synced
        const items = reader.doc.getArray<string>('items').toArray()
        expect(items.length).toBe(600)
        expect(new Set(items).size).toBe(600)
        expect(reader.doc.getText('t').toString()).toBe(expectedText)
        reader.destroy()
      } finally {
        await server.stop()
      }
    },
  )
})
