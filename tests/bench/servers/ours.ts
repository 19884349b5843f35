/**
 * How the bench starts OUR server and gets what a socket needs (token, doc ids).
 * This is the one file to adapt when the server's start command, auth or article
 * API changes; the scenarios only see the ServerHandle it returns.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { removeOnExit, spawnPinned } from '../lib/children.js'
import { INSPECT, measureMemory } from '../lib/memory.js'
import { mapLimit } from '../lib/time.js'
import { freePort, localDocIds, waitForHttp } from './ready.js'
import type { ServerHandle } from './types.js'

export const serverDir = fileURLToPath(new URL('../../../server/', import.meta.url))
export const serverMain = path.join(serverDir, 'src/main.ts')

export function oursExists(): boolean {
  return existsSync(serverMain)
}

let built = false

/** Compiles the server once per bench process, as its start script does before every start. */
function buildOnce(): void {
  if (built) return
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'inherit' })
  built = true
}

export interface OursOptions {
  /** Keep data across a restart; the caller removes it. Default: a fresh temp dir per start. */
  dataDir?: string
  /** Reuse a token from an earlier start on the same dataDir (its documents belong to that user). */
  session?: { params: Record<string, string>; token: string }
  /** Scale-out (scenarios/scaleout.ts): PostgreSQL instead of the embedded store, and Redis between instances. */
  databaseUrl?: string
  redisUrl?: string
  /**
   * Another build of the server under server/ (server-cost.ts: `--base=DIR`, a copy of an
   * earlier dist, so two builds are compared in the same minutes). Default: dist, built here.
   */
  distDir?: string
}

export async function startOurs(opts: OursOptions = {}): Promise<ServerHandle> {
  const port = await freePort()
  // A caller-provided DATA_DIR survives a restart (cold-load scenarios); otherwise a fresh one per start.
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'fc-bench-'))
  const removeDataDir = opts.dataDir ? () => undefined : removeOnExit(dataDir)
  buildOnce()
  // The command of server/package.json's start script, as production runs it.
  const child = spawnPinned(
    process.execPath,
    [
      INSPECT,
      '--conditions=fc-dist',
      '--no-memory-reducer',
      `${opts.distDir ?? process.env.BENCH_OURS_DIST ?? 'dist'}/main.js`,
    ],
    {
      cwd: serverDir,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        // The references run quiet too; per-connection logging would be measured, not the server.
        LOG_LEVEL: process.env.BENCH_SERVER_LOG ? 'info' : 'silent',
        // Never let an inherited DATABASE_URL/REDIS_URL turn this into a different setup.
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: opts.redisUrl,
        NODE_ENV: 'production',
        // Every bench socket uses one token; the default cap (100 per user) would refuse the
        // connections scenario's 2,000 with 1013 (README, "Configuration").
        SOCKETS_PER_USER: '100000',
      },
      label: 'ours',
    },
  )
  const http = `http://127.0.0.1:${port}`
  await waitForHttp(`${http}/api/health`, child, 30_000, 'ours')

  const session = opts.session ? null : await signIn(http)
  const token = opts.session?.token ?? session?.token ?? ''
  const params = opts.session?.params ?? (session ? { token: session.token } : {})
  const notes = [
    opts.databaseUrl
      ? 'PostgreSQL store + Redis between instances'
      : `embedded store ON (SQLite in temp DATA_DIR, group commit)`,
    'compiled (server/dist), run via node --no-memory-reducer (its start script)',
  ]
  notes.push(token ? 'authenticated: API token on every socket' : 'no auth endpoints yet: anonymous doc ids')

  return {
    name: 'ours',
    protocol: 'y-websocket',
    pid: child.pid,
    wsBase: `ws://127.0.0.1:${port}/collab`,
    params,
    token,
    newDocIds: (count, label) =>
      session ? createArticles(http, session, count, label) : Promise.resolve(localDocIds(count, label)),
    notes,
    inspectorUrl: () => child.inspectorUrl(),
    memory: () => measureMemory(child.pid, child.inspectorUrl()),
    async stop() {
      await child.stop(10_000)
      removeDataDir()
    },
  }
}

interface Session {
  cookie: string
  token: string
  workspaceId: string
}

/**
 * Sign up a throwaway user and mint an API token. Returns null while the server has no
 * auth routes (404), so the bench works before and after auth lands.
 */
async function signIn(http: string): Promise<Session | null> {
  const email = `bench-${process.pid}-${Date.now()}@example.test`
  const signup = await fetch(`${http}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-1234', name: 'Bench' }),
  })
  if (signup.status === 404) return null
  if (!signup.ok) throw new Error(`signup failed: ${signup.status} ${await signup.text()}`)
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')

  const tokenRes = await fetch(`${http}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'bench' }),
  })
  if (!tokenRes.ok) throw new Error(`token failed: ${tokenRes.status} ${await tokenRes.text()}`)
  const { token } = (await tokenRes.json()) as { token: string }

  const wsRes = await fetch(`${http}/api/workspaces`, { headers: { cookie } })
  if (!wsRes.ok) throw new Error(`workspaces failed: ${wsRes.status} ${await wsRes.text()}`)
  const workspaceId = firstWorkspaceId(await wsRes.json())
  if (!workspaceId) throw new Error('signup created no workspace; adapt servers/ours.ts signIn()')
  return { cookie, token, workspaceId }
}

function firstWorkspaceId(body: unknown): string | undefined {
  const list = Array.isArray(body) ? body : ((body as { workspaces?: unknown[] }).workspaces ?? [])
  const first = list[0] as { id?: string } | undefined
  return first?.id
}

async function createArticles(http: string, s: Session, count: number, label: string): Promise<string[]> {
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const res = await fetch(`${http}/api/workspaces/${s.workspaceId}/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie },
        body: JSON.stringify({ title: `bench ${label} ${i}` }),
      })
      if (!res.ok) throw new Error(`create article failed: ${res.status} ${await res.text()}`)
      const body = (await res.json()) as { docId?: string; article?: { docId?: string } }
      const docId = body.docId ?? body.article?.docId
      if (!docId) throw new Error(`article response has no docId: ${JSON.stringify(body)}`)
      return docId
    },
  )
}
