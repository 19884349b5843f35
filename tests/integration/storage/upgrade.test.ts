import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getBodyText, readClaims } from '@fc/shared'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Manifest } from '../fixtures/prev-release/generate.js'
import { call, sessionCookie } from '../support/accounts.js'
import { freshDatabase, postgresReachable, type FreshDatabase } from '../support/postgres.js'
import { REPO_ROOT, runUntilExit, startServer, type TestServer } from '../support/server.js'
import { onServerDb } from '../support/stored-docs.js'
import { cookieClient } from '../workshops/helpers.js'

/**
 * Upgrading from the previous release (45c3936, before numbered migrations and before
 * doc_quarantine): its data, made by its own server (fixtures/prev-release/generate.ts, run once),
 * is loaded into a fresh data directory / database and the CURRENT server is started on it.
 */
const FIXTURES = path.join(REPO_ROOT, 'tests/integration/fixtures/prev-release')
const LATEST = 6
/** docs/operations.md: a schema newer than the code. */
const EXIT_NEWER_SCHEMA = 66

const pgUp = await postgresReachable()

interface Store {
  name: 'sqlite' | 'postgres'
  unavailable?: string
  /** A fresh copy of the previous release's data; returns the server options to start on it. */
  load(): Promise<{ dataDir: string; databaseUrl?: string }>
}

const databases: FreshDatabase[] = []

/** Executes pg_dump's plain SQL as psql would, minus psql's own backslash commands (\restrict …). */
async function loadDump(url: string): Promise<void> {
  const sql = fs
    .readFileSync(path.join(FIXTURES, 'postgres/dump.sql'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const STORES: Store[] = [
  {
    name: 'sqlite',
    async load() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-upgrade-'))
      fs.copyFileSync(path.join(FIXTURES, 'sqlite/factcheck.sqlite3'), path.join(dataDir, 'factcheck.sqlite3'))
      return { dataDir }
    },
  },
  {
    name: 'postgres',
    unavailable: pgUp ? undefined : 'PostgreSQL not reachable at 127.0.0.1:5432',
    async load() {
      const db = await freshDatabase()
      databases.push(db)
      await loadDump(db.url)
      return { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fc-upgrade-')), databaseUrl: db.url }
    },
  },
]

const manifestOf = (store: Store['name']): Manifest =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, store, 'manifest.json'), 'utf8')) as Manifest
const versions = (server: TestServer) =>
  onServerDb<{ version: number | string; name: string }>(
    server,
    'SELECT version, name FROM schema_migrations ORDER BY version',
    [],
  )
const applied = (logs: string) => logs.split('\n').filter((line) => line.includes('schema migration applied'))

afterAll(async () => {
  for (const db of databases.splice(0)) await db.drop().catch(() => undefined)
})

describe.each(STORES)('upgrading a database made by the previous release ($name)', (store) => {
  const manifest = manifestOf(store.name)
  let server: TestServer
  let firstStart = ''
  const cookies = new Map<string, string>()

  beforeAll(async () => {
    if (store.unavailable) return
    server = await startServer(await store.load())
    firstStart = server.logs()
  })
  afterAll(async () => {
    await server?.stop()
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true })
  })
  const run = it.skipIf(store.unavailable)

  run('is recognised as version 1 and migrated to the latest, each migration logged once', async () => {
    expect(firstStart).toMatch(/database from before numbered migrations, recorded as version 1/)
    expect(applied(firstStart)).toHaveLength(5)
    expect(applied(firstStart)[0]).toMatch(/migration="002-doc-quarantine"/)
    expect(applied(firstStart)[1]).toMatch(/migration="003-desk"/)
    expect(applied(firstStart)[2]).toMatch(/migration="004-history"/)
    expect(applied(firstStart)[3]).toMatch(/migration="005-workshop-ends"/)
    expect(applied(firstStart)[4]).toMatch(/migration="006-notification-reason"/)
    expect((await versions(server)).map((v) => [Number(v.version), v.name])).toEqual([
      [1, 'initial'],
      [2, 'doc-quarantine'],
      [3, 'desk'],
      [4, 'history'],
      [5, 'workshop-ends'],
      [6, 'notification-reason'],
    ])
    expect(LATEST).toBe(6)
  })

  run('every user signs in with their password', async () => {
    for (const user of manifest.users) {
      const res = await call(server, '/api/auth/login', {
        body: { email: user.email, password: user.password },
        sameOrigin: true,
      })
      expect(res.status, user.email).toBe(200)
      expect(res.body.user).toEqual({ id: user.id, email: user.email, name: user.name })
      cookies.set(user.id, sessionCookie(res.headers)!)
    }
    const wrong = await call(server, '/api/auth/login', {
      body: { email: manifest.users[0]!.email, password: 'not-it' },
      sameOrigin: true,
    })
    expect(wrong.status).toBe(401)
  })

  run('every workspace, with its members and roles', async () => {
    for (const workspace of manifest.workspaces) {
      const owner = workspace.members.find((m) => m.role === 'owner')!
      const cookie = cookies.get(owner.userId)!
      const view = await call(server, `/api/workspaces/${workspace.id}`, { cookie })
      expect(view.status).toBe(200)
      expect(view.body.name).toBe(workspace.name)
      const members = await call<Array<{ userId: string; role: string }>>(
        server,
        `/api/workspaces/${workspace.id}/members`,
        { cookie },
      )
      expect(members.body.map((m) => ({ userId: m.userId, role: m.role }))).toEqual(workspace.members)
    }
  })

  run('every article and its document: the text and the claims a stock client sees', async () => {
    // The checker is a member of both workspaces.
    const checker = manifest.users.find((u) => u.name === 'checker')!
    const cookie = cookies.get(checker.id)!
    for (const article of manifest.articles) {
      const listed = await call<Array<{ id: string; title: string; docId: string }>>(
        server,
        `/api/workspaces/${article.workspaceId}/articles`,
        { cookie },
      )
      expect(listed.body.find((a) => a.id === article.id)).toMatchObject({ title: article.title, docId: article.docId })
      const client = cookieClient(server, article.docId, cookie)
      await client.synced
      expect(getBodyText(client.doc)).toBe(article.text)
      expect(readClaims(client.doc).map((c) => ({ quote: c.quote, verdict: c.verdict ?? null }))).toEqual(
        article.claims,
      )
      client.destroy()
    }
  })

  run('the workshop, its key and its participant’s copy', async () => {
    const trainer = manifest.users.find((u) => u.name === 'trainer')!
    const view = await call(server, `/api/workshops/${manifest.workshop.id}`, { cookie: cookies.get(trainer.id)! })
    expect(view.status).toBe(200)
    expect(view.body).toMatchObject({
      id: manifest.workshop.id,
      title: manifest.workshop.title,
      joinCode: manifest.workshop.joinCode,
      hasKey: true,
      article: { id: manifest.workshop.articleId },
    })
    expect(
      (view.body.participants as Array<Record<string, unknown>>).map((p) => ({
        name: p.name,
        docId: p.docId,
        claims: p.claims,
        verdicts: p.verdicts,
      })),
    ).toEqual(manifest.workshop.participants)
  })

  run('a second start applies nothing and keeps the version', async () => {
    expect(await server.stop()).toBe(0)
    const before = server.logs().length
    await server.restart()
    const secondStart = server.logs().slice(before)
    expect(applied(secondStart)).toEqual([])
    expect(secondStart).not.toMatch(/before numbered migrations/)
    expect((await versions(server)).map((v) => Number(v.version))).toEqual([1, 2, 3, 4, 5, 6])
  })
})

describe.each(STORES)('a database newer than this code ($name)', (store) => {
  it.skipIf(store.unavailable)(
    'is refused with one message and the documented exit code, and left as it was',
    async () => {
      const options = await store.load()
      try {
        const server = await startServer(options)
        await onServerDb(
          server,
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from-a-newer-release', 1)",
          [],
        )
        expect(await server.stop()).toBe(0)
        const { code, stderr } = await runUntilExit(options)
        expect(code).toBe(EXIT_NEWER_SCHEMA)
        expect(stderr).toMatch(/is at version 99, newer than this server knows \(version 6\)/)
        expect(stderr).toMatch(/Schema migrations/)
        expect(stderr).not.toMatch(/^\s+at /m)
        expect((await versions(server)).map((v) => Number(v.version))).toEqual([1, 2, 3, 4, 5, 6, 99])
      } finally {
        fs.rmSync(options.dataDir, { recursive: true, force: true })
      }
    },
  )
})

describe('several instances starting at once on one PostgreSQL', () => {
  it.skipIf(!pgUp)('apply each migration once between them', async () => {
    const options = await STORES[1]!.load()
    const servers = await Promise.all([0, 1, 2].map(() => startServer({ databaseUrl: options.databaseUrl })))
    try {
      const lines = servers.flatMap((s) => applied(s.logs()))
      expect(lines).toHaveLength(5)
      expect(lines.map((l) => /migration="([^"]+)"/.exec(l)?.[1])).toEqual([
        '002-doc-quarantine',
        '003-desk',
        '004-history',
        '005-workshop-ends',
        '006-notification-reason',
      ])
      expect(servers.map((s) => s.logs()).filter((l) => /before numbered migrations/.test(l))).toHaveLength(1)
      expect((await versions(servers[0]!)).map((v) => Number(v.version))).toEqual([1, 2, 3, 4, 5, 6])
    } finally {
      for (const s of servers) {
        await s.stop()
        fs.rmSync(s.dataDir, { recursive: true, force: true })
      }
      fs.rmSync(options.dataDir, { recursive: true, force: true })
    }
  })
})
