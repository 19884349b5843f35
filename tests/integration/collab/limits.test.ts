import * as encoding from 'lib0/encoding'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends } from '../support/backends.js'
import { connectClient, sleep, syncedAfterRestart, waitFor, type TestClient } from '../support/clients.js'
import { awarenessFrame, frame, syncFrame } from '../support/frames.js'
import { openRawSocket, type RawSocket } from '../support/raw-socket.js'
import { startServer, type TestServer } from '../support/server.js'
import { residentBytes } from '../support/process-memory.js'
import { writableDoc } from '../support/session.js'

/**
 * Per-client bounds on the socket (docs/api.md, "Limits and failures"): the offender is
 * closed with 1008 and the bound's name (1013 past the socket cap), its neighbours in the
 * same room keep editing, the server keeps answering, and nothing of the junk stays.
 */

function socketUrl(server: TestServer, docId: string, token: string): string {
  return `${server.wsUrl}/${docId}?token=${token}`
}

/** A room with two stock clients that see each other's edits. */
async function room(server: TestServer, text?: string) {
  const access = await writableDoc(server, text)
  const a = connectClient(server, access.docId, access.params)
  const b = connectClient(server, access.docId, access.params)
  await Promise.all([a.synced, b.synced])
  return { ...access, a, b, url: socketUrl(server, access.docId, access.token) }
}

/** The neighbour's edit still arrives at the other client. */
async function neighboursStillEdit(a: TestClient, b: TestClient, mark: string): Promise<void> {
  a.doc.getText('n').insert(0, mark)
  await waitFor(() => b.doc.getText('n').toString().includes(mark), 5000, `${mark} to reach the neighbour`)
}

type Room = Awaited<ReturnType<typeof room>> & { server: TestServer }

/**
 * A server (started with `env`) and a room of two stock clients; `attack` runs in it, and
 * afterwards the two neighbours must still see each other's edits.
 */
async function inRoom(env: Record<string, string>, attack: (r: Room) => Promise<void>): Promise<void> {
  const server = await startServer({ env })
  try {
    const r = await room(server)
    await attack({ ...r, server })
    await neighboursStillEdit(r.a, r.b, 'after the attack')
    r.a.destroy()
    r.b.destroy()
  } finally {
    await server.stop()
  }
}

/** Polls GET /api/health until `done` settles; resolves with the slowest answer, in ms. */
async function slowestHealth(server: TestServer, done: Promise<unknown>): Promise<number> {
  let finished = false
  void done.finally(() => (finished = true))
  let slowest = 0
  do {
    const started = performance.now()
    const res = await fetch(`${server.httpUrl}/api/health`)
    expect(res.status).toBe(200)
    slowest = Math.max(slowest, performance.now() - started)
    await sleep(20)
  } while (!finished)
  return slowest
}

/** Successive updates of one writer (each depends on the one before), with the first kept apart. */
function chainOfEdits(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < count; i++) doc.getText('junk').insert(i, 'x')
  return updates
}

const AUTH_FRAME = frame((e) => {
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint(e, 0)
  encoding.writeVarString(e, '')
})

describe.each(backends())('pending structs a socket causes ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'updates whose predecessors never come: 1008 "pending structs limit", the server stays responsive, no joiner or storage gets the junk',
    async () => {
      const server = await backend.start()
      try {
        const { docId, params, a, b, url } = await room(server)
        a.doc.getText('t').insert(0, 'honest')
        await waitFor(() => b.doc.getText('t').toString() === 'honest', 5000, 'seed')

        // 2,000 valid updates, none of which can integrate: the first of the chain is never sent.
        const junk = chainOfEdits(2001).slice(1)
        const raw = await openRawSocket(url)
        const attack = (async () => {
          for (const u of junk) raw.ws.send(syncFrame(2, u))
          return raw.closed
        })()
        const slowest = await slowestHealth(server, attack)
        expect(await attack).toEqual({ code: 1008, reason: 'pending structs limit' })
        expect(slowest).toBeLessThan(500)

        const joiner = connectClient(server, docId, params)
        await joiner.synced
        expect(joiner.doc.store.pendingStructs).toBeNull()
        expect(joiner.doc.getText('t').toString()).toBe('honest')
        for (const c of [joiner, a, b]) c.destroy()

        const after = await syncedAfterRestart(server, docId, params)
        expect(after.doc.store.pendingStructs).toBeNull()
        expect(after.doc.store.pendingDs).toBeNull()
        expect(after.doc.getText('t').toString()).toBe('honest')
        expect(after.doc.getText('junk').toString()).toBe('')
        after.destroy()
      } finally {
        await server.stop()
      }
    },
  )
})

describe('per-client bounds on the socket', () => {
  it('an honest client whose edits arrive before their predecessors (edits before its sync step 2) gets them through', async () => {
    await inRoom({}, async ({ b, url }) => {
      // Offline edits of a client the server never heard from: three in a row.
      const offline = new Y.Doc()
      const updates: Uint8Array[] = []
      offline.on('update', (u: Uint8Array) => updates.push(u))
      for (const word of ['one ', 'two ', 'three']) offline.getText('n').insert(offline.getText('n').length, word)
      const raw = await openRawSocket(url)
      // Its live edits go out first; its sync step 2 (everything) follows.
      raw.ws.send(syncFrame(2, updates[2]!))
      raw.ws.send(syncFrame(2, updates[1]!))
      await sleep(100)
      raw.ws.send(syncFrame(1, Y.encodeStateAsUpdate(offline)))
      await waitFor(() => b.doc.getText('n').toString() === 'one two three', 5000, 'the reordered edits to arrive')
      expect(raw.ws.readyState).toBe(raw.ws.OPEN)
      raw.ws.close()
    })
  })

  it('a stock client that edits offline, then reconnects to a restarted server, gets its edits through', async () => {
    await inRoom({}, async ({ docId, params, a, server }) => {
      a.doc.getText('t').insert(0, 'online;')
      await sleep(200)
      a.provider.disconnect()
      expect(await server.stop()).toBe(0)
      for (let i = 0; i < 20; i++) a.doc.getText('t').insert(a.doc.getText('t').length, ` offline ${i};`)
      await server.restart()
      a.provider.connect()
      const reader = connectClient(server, docId, params)
      await reader.synced
      await waitFor(
        () => reader.doc.getText('t').toString() === a.doc.getText('t').toString(),
        5000,
        'offline edits to arrive',
      )
      expect(reader.doc.getText('t').toString()).toContain('offline 19;')
      reader.destroy()
    })
  })

  it('presence nested 20,000 deep (40 KB): 1008 "presence depth limit", joiners are not locked out', async () => {
    // At the default size bound this frame is refused by its size; raised, depth still stops it.
    await inRoom({ PRESENCE_MAX_BYTES: String(64 * 1024) }, async ({ docId, params, url, server }) => {
      const raw = await openRawSocket(url)
      raw.ws.send(awarenessFrame([{ clientId: 4242, clock: 1, json: '['.repeat(20_000) + ']'.repeat(20_000) }]))
      expect(await raw.closed).toEqual({ code: 1008, reason: 'presence depth limit' })
      const second = await openRawSocket(url)
      second.ws.send(
        awarenessFrame([{ clientId: 4242, clock: 2, json: `{"a":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}` }]),
      )
      expect(await second.closed).toEqual({ code: 1008, reason: 'presence depth limit' })
      const joiner = connectClient(server, docId, params)
      let closedWith: number | undefined
      joiner.provider.on('connection-close', (event: { code: number } | null) => (closedWith = event?.code))
      await joiner.synced
      await sleep(200)
      expect(closedWith).toBeUndefined()
      joiner.destroy()
    })
  })

  it('presence entry over the size bound: 1008 "presence size limit", not rebroadcast', async () => {
    await inRoom({ PRESENCE_MAX_BYTES: '4096' }, async ({ b, url }) => {
      const raw = await openRawSocket(url)
      raw.ws.send(awarenessFrame([{ clientId: 4243, clock: 1, json: JSON.stringify({ name: 'x'.repeat(40_000) }) }]))
      expect(await raw.closed).toEqual({ code: 1008, reason: 'presence size limit' })
      expect(b.provider.awareness.getStates().has(4243)).toBe(false)
    })
  })

  it('presence ids: a socket introducing many distinct ids gets 1008 "presence ids limit"; echoes of others do not count', async () => {
    await inRoom({}, async ({ a, b, url }) => {
      a.provider.awareness.setLocalStateField('user', { name: 'A' })
      b.provider.awareness.setLocalStateField('user', { name: 'B' })
      await waitFor(() => a.provider.awareness.getStates().size === 2, 5000, 'presence of both')
      const raw = await openRawSocket(url)
      // A stock client relays the entries it receives; the server ignores those (same clock).
      for (const [id, state] of a.provider.awareness.getStates()) {
        raw.ws.send(
          awarenessFrame([
            { clientId: id, clock: a.provider.awareness.meta.get(id)!.clock, json: JSON.stringify(state) },
          ]),
        )
      }
      await sleep(100)
      expect(raw.ws.readyState).toBe(raw.ws.OPEN)
      for (let id = 1; id <= 40 && raw.ws.readyState === raw.ws.OPEN; id++) {
        raw.ws.send(awarenessFrame([{ clientId: 900_000 + id, clock: 1, json: '{"user":{"name":"bot"}}' }]))
        await sleep(2)
      }
      expect(await raw.closed).toEqual({ code: 1008, reason: 'presence ids limit' })
      await sleep(100)
      const ids = [...b.provider.awareness.getStates().keys()].filter((id) => id > 900_000)
      expect(ids.length).toBeLessThanOrEqual(16)
    })
  })

  it('presence rate: one id updated in a tight loop gets 1008 "presence rate limit"', async () => {
    await inRoom({}, async ({ url }) => {
      const raw = await openRawSocket(url)
      for (let clock = 1; clock <= 1000; clock++)
        raw.ws.send(awarenessFrame([{ clientId: 4244, clock, json: `{"n":${clock}}` }]))
      expect(await raw.closed).toEqual({ code: 1008, reason: 'presence rate limit' })
    })
  })

  it('a 3.7 MB sync step 1 state vector: 1008 "state vector limit" at once, the server stays responsive', async () => {
    await inRoom({}, async ({ url, server }) => {
      const sv = frame((e) => {
        // Client ids and clocks of five bytes each, as a long-lived document's would be.
        encoding.writeVarUint(e, 370_000)
        for (let i = 0; i < 370_000; i++) {
          encoding.writeVarUint(e, 300_000_000 + i)
          encoding.writeVarUint(e, 300_000_000)
        }
      })
      expect(sv.byteLength).toBeGreaterThan(3_500_000)
      const raw = await openRawSocket(url)
      const attack = (async () => {
        for (let i = 0; i < 5; i++) raw.ws.send(syncFrame(0, sv))
        return raw.closed
      })()
      const slowest = await slowestHealth(server, attack)
      expect(await attack).toEqual({ code: 1008, reason: 'state vector limit' })
      expect(slowest).toBeLessThan(500)
    })
  })

  it('messages per second: a flood gets 1008 "message rate limit"; an honest burst (sync, 500 fast edits) does not', async () => {
    await inRoom({}, async ({ a, b, url }) => {
      for (let i = 0; i < 500; i++) a.doc.getArray('fast').push([i])
      await waitFor(() => b.doc.getArray('fast').length === 500, 10_000, 'the honest burst')
      const raw = await openRawSocket(url)
      for (let i = 0; i < 10_000 && raw.ws.readyState === raw.ws.OPEN; i++) raw.ws.send(AUTH_FRAME)
      expect(await raw.closed).toEqual({ code: 1008, reason: 'message rate limit' })
      expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
    })
  })

  it('sockets per user: past SOCKETS_PER_USER the next is refused with 1013; closing one makes room', async () => {
    const server = await startServer({ env: { SOCKETS_PER_USER: '3' } })
    try {
      const { docId, token } = await writableDoc(server)
      const url = socketUrl(server, docId, token)
      const open: RawSocket[] = []
      for (let i = 0; i < 3; i++) open.push(await openRawSocket(url))
      const refused = await openRawSocket(url)
      expect(await refused.closed).toEqual({ code: 1013, reason: 'too many sockets' })
      open[0]!.ws.close()
      await open[0]!.closed
      await sleep(100)
      const again = await openRawSocket(url)
      await sleep(200)
      expect(again.ws.readyState).toBe(again.ws.OPEN)
      for (const s of [...open.slice(1), again]) s.ws.close()
    } finally {
      await server.stop()
    }
  })

  it('a reader that stops reading, asking for a 1 MB document again and again, is dropped; memory does not balloon', async () => {
    await inRoom({ OUTGOING_BUFFER_MAX_BYTES: String(4 * 1024 * 1024) }, async ({ a, b, url, server }) => {
      for (let i = 0; i < 16; i++)
        a.doc.getText('big').insert(a.doc.getText('big').length, `${i}`.padEnd(64 * 1024, 'y'))
      await waitFor(() => b.doc.getText('big').length === 16 * 64 * 1024, 10_000, 'the large document')
      await sleep(300)
      const before = residentBytes(server.pid())
      const raw = await openRawSocket(url)
      const tcp = (raw.ws as unknown as { _socket: import('node:net').Socket })._socket
      tcp.pause()
      const emptyStateVector = new Uint8Array([0])
      // Unbounded, these 300 requests would queue 300 copies of the document (> 300 MB).
      for (let i = 0; i < 300; i++) {
        raw.ws.send(syncFrame(0, emptyStateVector))
        if (i % 20 === 0) await sleep(5)
      }
      await waitFor(() => server.logs().includes('outgoing buffer limit'), 10_000, 'the slow reader to be dropped')
      const grownMiB = (residentBytes(server.pid()) - before) / (1024 * 1024)
      expect(grownMiB).toBeLessThan(100)
      tcp.resume()
      const closed = await raw.closed
      expect([1006, 1008]).toContain(closed.code)
    })
  })

  it('1,000 refused frames leave a short log: the first lines of each window, then one summary', {
    timeout: 60_000,
  }, async () => {
    const server = await startServer({ env: { REJECT_LOG_LINES: '10', REJECT_LOG_WINDOW_MS: '3000' } })
    try {
      const { docId, token } = await writableDoc(server)
      const url = socketUrl(server, docId, token)
      const linesBefore = server.logs().split('\n').length
      const started = Date.now()
      let sent = 0
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (sent < 1000) {
            sent++
            const raw = await openRawSocket(url)
            raw.ws.send('not a binary frame')
            expect((await raw.closed).code).toBe(1007)
          }
        }),
      )
      const sentFor = Date.now() - started
      await waitFor(
        () => server.logs().includes('refused socket frames not logged one by one'),
        10_000,
        'the summary line',
      )
      await sleep(3100) // the last window's summary
      const lines = server
        .logs()
        .split('\n')
        .slice(linesBefore - 1)
        .filter((l) => l.trim() !== '')
      // At most 10 lines one by one per 3 s window (the 1,000 took several on a busy machine), one summary each.
      const windows = Math.ceil(sentFor / 3000) + 1
      const oneByOne = lines.filter((l) => l.includes('closing socket: text frame')).length
      const summaries = lines.filter((l) => l.includes('refused socket frames not logged one by one'))
      expect(oneByOne).toBeLessThanOrEqual(10 * windows)
      expect(summaries.length).toBeGreaterThanOrEqual(1)
      expect(summaries.length).toBeLessThanOrEqual(windows)
      const counted = summaries.reduce((sum, l) => sum + Number(/count=(\d+)/.exec(l)![1]), 0)
      expect(oneByOne + counted).toBe(1000)
      expect(lines.length).toBeLessThan(oneByOne + summaries.length + 5)
    } finally {
      await server.stop()
    }
  })
})
