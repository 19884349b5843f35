/**
 * Our DocStore's group commit, in its own process pinned to the server core, against a
 * temp embedded database. Two phases: a realistic offered rate (append → durable
 * latency) and saturation (how many updates/s are accepted and persisted). Imports are
 * dynamic so that a renamed module becomes a clear error row, not a crashed harness.
 * Prints one line `RESULT {json}`.
 */
import * as Y from 'yjs'

const [writersArg, secondsArg, offeredArg, dataDirArg] = process.argv.slice(2)
const writers = Number(writersArg)
const seconds = Number(secondsArg)
const offeredPerSec = Number(offeredArg)

interface Pending {
  docId: string
  data: Uint8Array
}
interface StoreLike {
  appendUpdate(docId: string, update: Uint8Array): void
  flush(): Promise<void>
  close(): Promise<void>
}

// Paths held in variables: the harness type-checks without depending on server internals.
const serverModule = (rel: string): Promise<Record<string, unknown>> => import(`@fc/server/src/${rel}`)
const { loadConfig } = (await serverModule('config/index.js')) as {
  loadConfig(env: NodeJS.ProcessEnv): {
    server: { logLevel: string }
    storage: { groupCommitMs: number; sqliteSynchronous: string }
  }
}
const { setLogSilent } = (await serverModule('log.js')) as { setLogSilent(silent: boolean): void }
const { openDb } = (await serverModule('storage/open.js')) as {
  openDb(c: {
    databaseUrl: undefined
    dataDir: string
    sqliteSynchronous: string
  }): Promise<{ query<T>(sql: string): Promise<T[]>; close(): Promise<void> }>
}
const { SqlDocStore } = (await serverModule('storage/doc-store.js')) as {
  SqlDocStore: new (db: unknown, options: unknown) => unknown
}

// Created and removed by the parent, so it is cleaned up even if this process is killed.
const dataDir = dataDirArg as string
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' })
setLogSilent(config.server.logLevel === 'silent')
const db = await openDb({ ...config.storage, databaseUrl: undefined, dataDir })
// No compaction during the run: it would delete rows we count, and it is measured elsewhere.
const store = new SqlDocStore(db, {
  ...config.storage,
  compactAfterUpdates: Number.MAX_SAFE_INTEGER,
}) as unknown as StoreLike

// Wrap the batch writer to learn when each update became durable. It is private API:
// if it moves, the latency fields go null and throughput is still measured via flush().
const appendedAt = new WeakMap<Uint8Array, number>()
const durableMs: number[] = []
let batches = 0
let committed = 0
const internals = store as unknown as { writeBatch?: (batch: Pending[]) => Promise<void> }
const hooked = typeof internals.writeBatch === 'function'
if (hooked) {
  const original = internals.writeBatch!.bind(store)
  internals.writeBatch = async (batch) => {
    // A copy: the store may take committed rows out of `batch` as it goes.
    const rows = batch.slice()
    await original(batch)
    const now = performance.now()
    batches++
    committed += rows.length
    for (const p of rows) {
      const t = appendedAt.get(p.data)
      if (t !== undefined) durableMs.push(now - t)
    }
  }
}

// One realistic ~30 B Yjs update per writer; the store treats updates as opaque bytes.
const updates = Array.from({ length: writers }, (_, w) => {
  const doc = new Y.Doc()
  let u: Uint8Array = new Uint8Array()
  doc.on('update', (x: Uint8Array) => (u = x))
  doc.getText('t').insert(0, `w${w} typed a word`)
  return u
})
const docIds = updates.map((_, w) => `store-bench-${w}`)
let appended = 0
const append = (w: number, track: boolean): void => {
  const data = (updates[w] as Uint8Array).slice()
  if (track) appendedAt.set(data, performance.now())
  store.appendUpdate(docIds[w] as string, data)
  appended++
}
const pct = (xs: number[], p: number): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number
}

// Phase 1: offered rate spread over the writers, every 5 ms.
const tickMs = 5
const perTick = Math.max(1, Math.round((offeredPerSec * tickMs) / 1000))
const t1 = performance.now()
let w = 0
while (performance.now() - t1 < seconds * 1000) {
  const tickStart = performance.now()
  for (let i = 0; i < perTick; i++, w = (w + 1) % writers) append(w, true)
  await new Promise((r) => setTimeout(r, Math.max(0, tickMs - (performance.now() - tickStart))))
}
await store.flush()
const phase1Appended = appended
const phase1Batches = batches

// Phase 2: saturation. Every writer appends once per event-loop turn; group commits run in between.
// The producer holds back while more than MAX_BACKLOG updates wait: unbounded, it queues millions in
// a few seconds and the figure becomes the time to drain that heap (and the row outlasts its limit).
const MAX_BACKLOG = 20_000
const t2 = performance.now()
const committedAtT2 = committed
while (performance.now() - t2 < seconds * 1000) {
  const backlog = appended - phase1Appended - (committed - committedAtT2)
  if (!hooked || backlog < MAX_BACKLOG) for (let i = 0; i < writers; i++) append(i, false)
  await new Promise((r) => setImmediate(r))
}
const acceptedEnd = performance.now()
const phase2Appended = appended - phase1Appended
const committedInWindow = committed - committedAtT2
await store.flush()
const durableEnd = performance.now()

const rows = (await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates'))[0]?.n
await store.close()
await db.close()

console.log(
  `RESULT ${JSON.stringify({
    groupCommitMs: config.storage.groupCommitMs,
    offeredPerSec,
    durableP50Ms: pct(durableMs, 50),
    durableP99Ms: pct(durableMs, 99),
    durableSamples: durableMs.length,
    phase1Batches: hooked ? phase1Batches : null,
    acceptedPerSec: Math.round(phase2Appended / ((acceptedEnd - t2) / 1000)),
    // Committed inside the window when the hook counts them; else everything appended, drained.
    persistedPerSec: hooked
      ? Math.round(committedInWindow / ((acceptedEnd - t2) / 1000))
      : Math.round(phase2Appended / ((durableEnd - t2) / 1000)),
    maxBacklog: hooked ? MAX_BACKLOG : null,
    // Updates per commit at the offered rate: what group commit saves. At saturation the producer
    // outruns the writer and the backlog goes out in a few huge commits, so no average is kept there.
    updatesPerCommit: hooked && phase1Batches > 0 ? Math.round(phase1Appended / phase1Batches) : null,
    rowsExpected: appended,
    rowsFound: Number(rows),
    hooked,
  })}`,
)
process.exit(0)
