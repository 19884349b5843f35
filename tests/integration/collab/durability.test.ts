import { afterAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import { connectClient } from '../support/clients.js'
import { writableDoc } from '../support/session.js'

describe.each(backends())('durability under SIGKILL ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'every update sent ≥ 100 ms before a kill mid-burst of 500 is there after restart',
    async () => {
      const server = await backend.start()
      try {
        const { docId, params } = await writableDoc(server)
        const writer = connectClient(server, docId, params)
        await writer.synced
        const burst = writer.doc.getMap<number>('burst')
        const sentAt: number[] = []
        const KILL_AFTER = 320
        let killAt = 0

        // ~2 updates per millisecond-ish tick: 500 small updates over roughly half a second.
        await new Promise<void>((resolve) => {
          let i = 0
          const timer = setInterval(() => {
            for (let k = 0; k < 3 && i < 500; k++, i++) {
              burst.set(`u${i}`, i)
              sentAt[i] = performance.now()
            }
            if (i >= KILL_AFTER && killAt === 0) {
              clearInterval(timer)
              killAt = performance.now()
              void server.kill().then(() => {
                // The writer must not resync after restart: that would hide a loss.
                writer.destroy()
                resolve()
              })
            }
          }, 2)
        })

        await server.restart()
        const reader = connectClient(server, docId, params)
        await reader.synced
        const stored = reader.doc.getMap<number>('burst')
        const owed = sentAt.map((t, i) => ({ t, i })).filter(({ t }) => t <= killAt - 100)
        expect(owed.length).toBeGreaterThan(100) // the test only means something if many were owed
        const missing = owed.filter(({ i }) => stored.get(`u${i}`) !== i).map(({ i }) => i)
        expect(missing).toEqual([])
        reader.destroy()
      } finally {
        await server.stop()
      }
    },
  )
})
