import * as encoding from 'lib0/encoding'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends } from '../support/backends.js'
import { frame } from '../support/frames.js'
import { connectClient, sleep, syncedAfterRestart, waitFor } from '../support/clients.js'
import { openRawSocket, upgradeStatus } from '../support/raw-socket.js'
import type { TestServer } from '../support/server.js'
import { writableDoc } from '../support/session.js'

const BAD_FRAMES: Record<string, Uint8Array> = {
  'a frame that is not a y-websocket message': new Uint8Array([
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
  ]),
  'an update that fails to decode': frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 17, 3, 99, 1, 2, 3, 4, 250, 250, 250]))
  }),
  'an unknown message type': frame((e) => {
    encoding.writeVarUint(e, 9)
    encoding.writeVarString(e, 'hello')
  }),
  'a sync message of unknown sub-type': frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 7)
    encoding.writeVarUint8Array(e, new Uint8Array([0]))
  }),
  'an awareness update that is not JSON': frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(
      e,
      frame((inner) => {
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(inner, 42)
        encoding.writeVarUint(inner, 1)
        encoding.writeVarString(inner, '{not json')
      }),
    )
  }),
}

async function seeded(server: TestServer) {
  const { docId, params } = await writableDoc(server)
  const a = connectClient(server, docId, params)
  const b = connectClient(server, docId, params)
  await Promise.all([a.synced, b.synced])
  a.doc.getText('t').insert(0, 'before')
  await waitFor(() => b.doc.getText('t').toString() === 'before', 5000, 'seed to reach b')
  return { docId, params, a, b }
}

describe.each(backends())('bad input on the socket ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable).each(Object.entries(BAD_FRAMES))(
    '%s: closed with 1007, one log line, others unaffected, stored document intact',
    async (_name, bad) => {
      const server = await backend.start()
      try {
        const { docId, params, a, b } = await seeded(server)
        const logBefore = server
          .logs()
          .split('\n')
          .filter((l) => l.includes('undecodable')).length
        const raw = await openRawSocket(`${server.wsUrl}/${docId}${params.token ? `?token=${params.token}` : ''}`)
        raw.ws.send(bad)
        expect((await raw.closed).code).toBe(1007)
        await sleep(50)
        expect(
          server
            .logs()
            .split('\n')
            .filter((l) => l.includes('undecodable')).length,
        ).toBe(logBefore + 1)

        a.doc.getText('t').insert(6, ' and after')
        await waitFor(() => b.doc.getText('t').toString() === 'before and after', 5000, 'others to keep working')
        a.destroy()
        b.destroy()
        const c = await syncedAfterRestart(server, docId, params)
        expect(c.doc.getText('t').toString()).toBe('before and after')
        c.destroy()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'a frame over the limit is closed with 1009 and nothing of it is applied',
    async () => {
      const server = await backend.start({ env: { MAX_MESSAGE_BYTES: String(256 * 1024) } })
      try {
        const { docId, params, a, b } = await seeded(server)
        const big = new Y.Doc()
        big.getText('t').insert(0, 'x'.repeat(300 * 1024))
        const raw = await openRawSocket(`${server.wsUrl}/${docId}${params.token ? `?token=${params.token}` : ''}`)
        raw.ws.send(
          frame((e) => {
            encoding.writeVarUint(e, 0)
            encoding.writeVarUint(e, 2)
            encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(big))
          }),
        )
        expect((await raw.closed).code).toBe(1009)
        await sleep(100)
        expect(b.doc.getText('t').toString()).toBe('before')
        a.destroy()
        b.destroy()
        await server.stop()
        await server.restart()
        const c = connectClient(server, docId, params)
        await c.synced
        expect(c.doc.getText('t').toString()).toBe('before')
        c.destroy()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'a malformed document id is refused before the upgrade (HTTP 400), storage untouched',
    async () => {
      const server = await backend.start()
      try {
        for (const bad of ['has%20space', 'a'.repeat(65), '..%2F..%2Fetc', 'semi%3Bcolon']) {
          expect(await upgradeStatus(`${server.wsUrl}/${bad}`)).toBe(400)
        }
        expect(server.logs()).not.toMatch(/could not open document/)
      } finally {
        await server.stop()
      }
    },
  )
})
