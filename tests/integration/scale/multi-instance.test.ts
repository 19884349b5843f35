import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startBalancer } from '../support/balancer.js'
import { recordAuthMessages } from '../support/access-messages.js'
import { connectClient, sleep, waitFor, type TestClient } from '../support/clients.js'
import { freshDatabase, type FreshDatabase } from '../support/postgres.js'
import { TEST_REDIS_URL } from '../support/redis.js'
import { startServer, type TestServer } from '../support/server.js'
import { scaleOutMissing } from '../support/two-instances.js'
import { writableDoc } from '../support/session.js'
import { call, createArticle, join, signUp } from '../support/accounts.js'
import { syncFrame } from '../support/frames.js'
import { openRawSocket } from '../support/raw-socket.js'

const missing = await scaleOutMissing('scale-out tests')

async function instances(n: number, db: FreshDatabase): Promise<TestServer[]> {
  const servers: TestServer[] = []
  // One at a time: the schema migration is serialized anyway, and sequential start keeps logs readable.
  for (let i = 0; i < n; i++)
    servers.push(await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } }))
  return servers
}

const text = (c: TestClient) => c.doc.getText('t').toString()

describe.skipIf(missing.length > 0)('scale-out on PostgreSQL + Redis', () => {
  let db: FreshDatabase
  beforeAll(async () => {
    db = await freshDatabase()
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('clients on three instances converge, and an instance that opens the document late catches up', async () => {
    const servers = await instances(3, db)
    try {
      const { docId, params } = await writableDoc(servers[0]!)
      const clients = servers.slice(0, 2).map((s) => connectClient(s, docId, params))
      await Promise.all(clients.map((c) => c.synced))
      for (let i = 0; i < 40; i++) {
        clients[0]!.doc.getText('t').insert(0, `A${i};`)
        clients[1]!.doc.getText('t').insert(clients[1]!.doc.getText('t').length, `B${i};`)
      }
      let expectedLength = 0
      for (let i = 0; i < 40; i++) expectedLength += `A${i};`.length + `B${i};`.length
      await waitFor(
        () => text(clients[0]!) === text(clients[1]!) && text(clients[0]!).length === expectedLength,
        10_000,
        'A and B to converge',
      )

      // Instance 3 opens the document only now: storage + Redis must give it everything.
      const late = connectClient(servers[2]!, docId, params)
      await late.synced
      await waitFor(() => text(late) === text(clients[0]!), 10_000, 'the late instance to catch up')
      // And its edits reach the others.
      late.doc.getText('t').insert(0, 'LATE;')
      await waitFor(() => clients.every((c) => text(c).startsWith('LATE;')), 10_000, 'the late edit to fan out')

      // Presence crosses instances too.
      clients[0]!.provider.awareness.setLocalStateField('user', { name: 'Across' })
      await waitFor(
        () =>
          Array.from(late.provider.awareness.getStates().values()).some(
            (s) => (s as { user?: { name?: string } }).user?.name === 'Across',
          ),
        10_000,
        'awareness across instances',
      )
      for (const c of [...clients, late]) c.destroy()
    } finally {
      for (const s of servers) await s.stop()
    }
  })

  it('an instance killed mid-edit: its clients reconnect through the balancer to another, nothing is lost', async () => {
    const servers = await instances(2, db)
    const balancer = await startBalancer(servers.map((s) => s.port))
    try {
      const { docId, params } = await writableDoc(servers[0]!)
      // Round robin: writers alternate between the two instances.
      const writers = [0, 1, 2, 3].map(() => connectClient(balancer, docId, params))
      await Promise.all(writers.map((w) => w.synced))

      const sent = new Map<string, number>()
      let killed = false
      const edits = (async () => {
        for (let i = 0; i < 150; i++) {
          writers.forEach((w, k) => {
            w.doc.getMap<number>('m').set(`w${k}-${i}`, i)
            sent.set(`w${k}-${i}`, i)
          })
          if (i === 60 && !killed) {
            killed = true
            balancer.markDown(servers[0]!.port)
            await servers[0]!.kill()
          }
          await sleep(10)
        }
      })()
      await edits

      // Each writer keeps its own edits locally and resyncs them on reconnect (y-websocket sync step 1/2).
      const complete = (d: Y.Doc) => Array.from(sent.keys()).every((k) => d.getMap('m').get(k) === sent.get(k))
      await waitFor(() => writers.every((w) => complete(w.doc)), 20_000, 'every writer to hold every edit')
      await sleep(300) // past the group-commit window
      for (const w of writers) w.destroy()
      await servers[1]!.stop()

      // Storage alone, read by a fresh instance, has everything.
      const check = await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } })
      try {
        const reader = connectClient(check, docId, params)
        await reader.synced
        const lost = Array.from(sent.keys()).filter((k) => reader.doc.getMap('m').get(k) !== sent.get(k))
        expect(lost).toEqual([])
        reader.destroy()
      } finally {
        await check.stop()
      }
    } finally {
      await balancer.close()
      for (const s of servers) await s.stop()
    }
  })

  it('several instances appending and compacting one document lose and duplicate nothing', async () => {
    const servers = await instances(2, db)
    try {
      const { docId, params } = await writableDoc(servers[0]!)
      const a = connectClient(servers[0]!, docId, params)
      const b = connectClient(servers[1]!, docId, params)
      await Promise.all([a.synced, b.synced])
      for (let i = 0; i < 300; i++) {
        a.doc.getArray<string>('items').push([`a${i}`])
        b.doc.getArray<string>('items').push([`b${i}`])
        if (i % 50 === 0) await sleep(5)
      }
      await waitFor(
        () => a.doc.getArray('items').length === 600 && b.doc.getArray('items').length === 600,
        10_000,
        'convergence',
      )
      a.destroy()
      b.destroy()
      // Closing the rooms compacts on both instances concurrently.
      for (const s of servers) await s.stop()
      await servers[0]!.restart()
      const reader = connectClient(servers[0]!, docId, params)
      await reader.synced
      const items = reader.doc.getArray<string>('items').toArray()
      expect(items.length).toBe(600)
      expect(new Set(items).size).toBe(600)
      reader.destroy()
    } finally {
      for (const s of servers) await s.stop()
    }
  })

  it('a member removed (or made viewer) on one instance loses access on another at once', async () => {
    const servers = await instances(2, db)
    try {
      const [a, b] = servers as [TestServer, TestServer]
      const owner = await signUp(a, 'owner')
      const member = await signUp(a, 'member')
      await join(a, owner, owner.workspaceId, member, 'checker')
      const article = await createArticle(a, owner, owner.workspaceId)
      const watcher = connectClient(a, article.docId, { token: owner.token })
      const onB = connectClient(b, article.docId, { token: member.token })
      const heardOnB = recordAuthMessages(onB.provider)
      await Promise.all([watcher.synced, onB.synced])

      // Made viewer through instance A: B stops applying the member's edits, and tells its socket.
      const demote = await call(a, `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, {
        method: 'PATCH',
        token: owner.token,
        body: { role: 'viewer' },
      })
      expect(demote.status).toBe(200)
      await waitFor(() => heardOnB.some((m) => m.kind === 'access'), 5000, 'the access message from instance B')
      expect(heardOnB.find((m) => m.kind === 'access')).toEqual({ kind: 'access', canWrite: false, role: 'viewer' })
      onB.doc.getText('t').insert(0, 'written as a viewer')
      await sleep(500)
      expect(watcher.doc.getText('t').toString()).toBe('')

      // Removed through instance A: B closes the member's socket with 4403.
      const closed = new Promise<number>((resolve) =>
        onB.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
      )
      const removal = await call(a, `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, {
        method: 'DELETE',
        token: owner.token,
      })
      expect(removal.status).toBe(204)
      expect(await closed).toBe(4403)
      watcher.destroy()
      onB.destroy()
    } finally {
      for (const s of servers) await s.stop()
    }
  })

  it('a socket update waiting on structs only storage has (a Redis message missed) is held, then integrates once storage is re-read', async () => {
    const server = await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } })
    try {
      const { docId, params, token } = await writableDoc(server)
      const reader = connectClient(server, docId, params)
      await reader.synced
      // Past the room's own storage re-reads after opening (150 ms, 1 s, 5 s).
      await sleep(5500)

      const writer = new Y.Doc()
      const updates: Uint8Array[] = []
      writer.on('update', (u: Uint8Array) => updates.push(u))
      writer.getText('t').insert(0, 'stored elsewhere;')
      writer.getText('t').insert(writer.getText('t').length, ' sent here')
      // The first as another instance committed it whose Redis message this one missed.
      const client = new pg.Client({ connectionString: db.url })
      await client.connect()
      await client.query('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2)', [docId, Buffer.from(updates[0]!)])
      await client.end()

      const raw = await openRawSocket(`${server.wsUrl}/${docId}?token=${token}`)
      raw.ws.send(syncFrame(2, updates[1]!))
      await waitFor(
        () => reader.doc.getText('t').toString() === 'stored elsewhere; sent here',
        5000,
        'the held update to integrate',
      )
      expect(raw.ws.readyState).toBe(raw.ws.OPEN)
      raw.ws.close()
      reader.destroy()
    } finally {
      await server.stop()
    }
  })
})
