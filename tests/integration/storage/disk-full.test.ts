import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { type AuthMessage, recordAuthMessages } from '../support/access-messages.js'
import { call } from '../support/accounts.js'
import {
  connectClient,
  drained,
  eventually,
  reopenAfterKill,
  sleep,
  type TestClient,
  waitFor,
} from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { writableDoc } from '../support/session.js'
import { type SmallDisk, smallDisks } from '../support/small-disk.js'

// Retried often, so a test hears "writable again" soon after it frees space.
const ENV = { STORAGE_RETRY_MS: '200' }

const storageFull = (heard: AuthMessage[]) =>
  heard.some((m) => m.kind === 'access' && !m.canWrite && m.reason === 'storage-full')
const writableAgain = (heard: AuthMessage[], after: number) =>
  heard.slice(after).some((m) => m.kind === 'access' && m.canWrite)

/** Incompressible, so each edit takes its size on disk (PostgreSQL would compress a repeated string). */
const noise = (bytes: number) => randomBytes(bytes).toString('base64')

/**
 * Writes edits of 8 KiB each from `writer` until the server says storage is full; returns
 * how many it sent. Every key `reader` has received counts as relayed.
 */
async function typeUntilFull(writer: TestClient, heard: AuthMessage[]): Promise<number> {
  const edits = writer.doc.getMap<string>('edits')
  let sent = 0
  const deadline = Date.now() + 30_000
  while (!storageFull(heard)) {
    if (Date.now() > deadline) throw new Error(`no storage-full notice after ${sent} edits`)
    edits.set(`e${sent++}`, noise(6 * 1024))
    await sleep(25)
  }
  return sent
}

async function uploadPng(server: TestServer, articleId: string, token: string, bytes: number) {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(bytes)])
  const res = await fetch(`${server.httpUrl}/api/articles/${articleId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'x-filename': 'evidence.png' },
    body: new Blob([png]),
  })
  return { status: res.status, body: (await res.json()) as { error?: string } }
}

/** A fresh document with a writer (whose auth messages are recorded) and a reader, both synced. */
async function writerAndReader(server: TestServer, clients: TestClient[]) {
  const access = await writableDoc(server)
  const writer = connectClient(server, access.docId, access.params)
  const reader = connectClient(server, access.docId, access.params)
  clients.push(writer, reader)
  const heard = recordAuthMessages(writer.provider)
  await Promise.all([writer.synced, reader.synced])
  // Every key the reader holds was relayed to it by the server.
  return { ...access, writer, reader, heard, relayed: reader.doc.getMap<string>('edits') }
}

/** A server on the small disk for one test, with the clients it opens destroyed and the server stopped afterwards. */
async function onFreshServer(
  disk: SmallDisk,
  test: (server: TestServer, clients: TestClient[]) => Promise<void>,
): Promise<void> {
  const server = await disk.start({ env: ENV })
  const clients: TestClient[] = []
  try {
    await test(server, clients)
  } catch (err) {
    // What the store said about its commits is the only account of why recovery did or did not come.
    const storage = server
      .logs()
      .split('\n')
      .filter((line) => /storage|commit|compaction|writable/.test(line))
    throw new Error(`${String(err)}\nserver storage log:\n${storage.slice(-40).join('\n')}`, { cause: err })
  } finally {
    for (const c of clients) c.destroy()
    await server.stop()
  }
}

describe.each(smallDisks())('storage full ($name)', (disk) => {
  afterAll(() => disk.cleanup())

  it.skipIf(disk.unavailable)(
    'health 503, HTTP writes 507, sockets told and nothing relayed until space returns; then editing works and nothing is lost',
    () =>
      onFreshServer(disk, async (server, clients) => {
        const { docId, articleId, token, params, writer, reader, heard, relayed } = await writerAndReader(
          server,
          clients,
        )
        writer.doc.getMap<string>('edits').set('before', 'typed while there was space')
        await waitFor(() => relayed.has('before'), 5000, 'the first edit relayed')

        disk.fill()
        await typeUntilFull(writer, heard)
        const health = await call(server, '/api/health')
        expect(health.status).toBe(503)
        expect(health.body).toEqual({ ok: false, reason: 'storage-full' })
        const upload = await uploadPng(server, articleId, token, 2 * 1024 * 1024)
        expect(upload.status).toBe(507)
        expect(upload.body.error).toMatch(/storage full/)

        // Further edits are dropped, not relayed: once the reader sees the writer's later
        // awareness mark, the server has handled the edit sent before it.
        writer.doc.getMap<string>('edits').set('while-full', 'typed while the disk was full')
        await drained(writer, reader, 'after-while-full')
        expect(relayed.has('while-full')).toBe(false)

        // A socket opened now is read-only for the same reason.
        const late = connectClient(server, docId, params)
        clients.push(late)
        const lateHeard = recordAuthMessages(late.provider)
        await late.synced
        await waitFor(() => storageFull(lateHeard), 5000, 'the late socket told storage is full')

        const seenBeforeFree = heard.length
        expect(writableAgain(heard, 0), 'told it may write again while the disk was still full').toBe(false)
        disk.free()
        await waitFor(() => writableAgain(heard, seenBeforeFree), 20_000, 'canWrite true after space returned')
        await waitFor(() => writableAgain(lateHeard, 0), 5000, 'the late socket told it may write')
        expect((await call(server, '/api/health')).status).toBe(200)
        // What the writer typed while full was dropped then; the server's sync step 1 brings it back.
        await waitFor(() => relayed.has('while-full'), 5000, 'the dropped edit resent and relayed')
        writer.doc.getMap<string>('edits').set('after', 'typed once space was back')
        await waitFor(() => relayed.has('after'), 5000, 'an edit after recovery relayed')
        expect((await uploadPng(server, articleId, token, 1024)).status).toBe(201)

        // Everything the reader saw relayed is stored: a SIGKILL now loses none of it.
        const keys = Array.from(relayed.keys())
        await sleep(300)
        const check = await reopenAfterKill(server, clients, docId, params)
        const stored = check.doc.getMap<string>('edits')
        expect(keys.filter((k) => stored.get(k) !== relayed.get(k))).toEqual([])
      }),
    90_000,
  )

  it.skipIf(disk.unavailable)(
    'after a SIGKILL while full, space freed and a restart, storage holds every edit any client saw relayed once the clients reconnect',
    () =>
      onFreshServer(disk, async (server, clients) => {
        const { docId, params, writer, reader, heard, relayed } = await writerAndReader(server, clients)

        disk.fill()
        const sent = await typeUntilFull(writer, heard)
        // Some edits were relayed inside the commit window that failed: the server still owes them.
        const owed = new Map(relayed)
        expect(owed.size).toBeGreaterThan(0)
        expect(owed.size).toBeLessThanOrEqual(sent)

        await server.kill()
        disk.free()
        await server.restart()
        // The stock clients reconnect by themselves and answer the server's sync step 1.
        await eventually(
          async () => writer.provider.synced && reader.provider.synced,
          20_000,
          'both clients back in sync',
        )
        await sleep(500)
        const check = await reopenAfterKill(server, clients, docId, params)
        const stored = check.doc.getMap<string>('edits')
        const lost = Array.from(owed.keys()).filter((k) => stored.get(k) !== owed.get(k))
        expect(lost).toEqual([])
      }),
    90_000,
  )
})
