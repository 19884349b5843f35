import { freshDatabase, postgresReachable } from '../../integration/support/postgres.js'
import { TEST_REDIS_URL, redisReachable } from '../../integration/support/redis.js'
import type { Plan } from '../config.js'
import { sleep } from '../lib/time.js'
import type { Row } from '../row.js'
import { startHocuspocusRedis } from '../servers/hocuspocus.js'
import { startOurs } from '../servers/ours.js'
import type { ServerHandle, ServerName } from '../servers/types.js'
import { type Session, measureSessions, openSession, row } from './fanout.js'

export const scaleoutScenario = (readers: number): string => `scaleout-fanout-${readers}`

/** What the scale-out rows need and this machine lacks; empty when both are there. */
export async function scaleoutMissing(): Promise<string[]> {
  const [pg, redis] = await Promise.all([postgresReachable(), redisReachable()])
  return [pg ? undefined : 'PostgreSQL', redis ? undefined : 'Redis'].filter((m): m is string => m !== undefined)
}

/** Two instances of one server behind one backend (PostgreSQL + Redis for ours, Redis for Hocuspocus). */
interface Pair {
  name: ServerName
  a: ServerHandle
  b: ServerHandle
}

/**
 * Cross-instance fan-out: the writer on instance A, N raw readers on instance B of the same
 * document, so every update crosses the backplane (Redis). Beside it, in the same rotation, the
 * same room with the writer on B too (one instance of the pair): the difference is what scaling
 * out adds. Readers are raw (clients/raw.ts) at every size: the generator is not what is measured.
 * Ours gets a fresh PostgreSQL database per run; Hocuspocus keys its Redis channels by run.
 */
export async function* scaleout(names: ServerName[], plan: Plan, quietMaxMs: number): AsyncGenerator<Row> {
  const missing = await scaleoutMissing()
  if (missing.length) {
    const error = `skipped: ${missing.join(' and ')} not reachable on 127.0.0.1 (TEST_PG_ADMIN_URL, TEST_REDIS_URL)`
    for (const readers of plan.scaleout.readers)
      for (const server of names) yield { scenario: scaleoutScenario(readers), server, p50Ms: null, p99Ms: null, error }
    return
  }
  const db = names.includes('ours') ? await freshDatabase() : undefined
  const pairs: Pair[] = []
  try {
    if (db) {
      const env = { databaseUrl: db.url, redisUrl: TEST_REDIS_URL }
      // One after the other: the first applies the migrations; the second uses the first's account.
      const a = await startOurs(env)
      const b = await startOurs({ ...env, session: { params: a.params, token: a.token } })
      pairs.push({ name: 'ours', a, b })
    }
    if (names.includes('hocuspocus')) {
      const prefix = `hocuspocus-bench-${process.pid}-${Date.now()}`
      pairs.push({
        name: 'hocuspocus',
        a: await startHocuspocusRedis(TEST_REDIS_URL, prefix),
        b: await startHocuspocusRedis(TEST_REDIS_URL, prefix),
      })
    }
    const fanoutPlan = { ...plan.fanout, ...plan.scaleout }
    for (const readers of plan.scaleout.readers) {
      const cross = new Map<Pair, Session>()
      const local = new Map<Pair, Session>()
      const failed: Row[] = []
      try {
        for (const p of pairs) {
          try {
            // Documents are made on A (ours: through its API); B serves them from the shared store.
            const [crossDoc, localDoc] = (await p.a.newDocIds(2, `scale${readers}`)) as [string, string]
            cross.set(p, await openSession(p.b, readers, 'raw', fanoutPlan, p.a, crossDoc))
            local.set(p, await openSession(p.b, readers, 'raw', fanoutPlan, p.b, localDoc))
          } catch (err) {
            failed.push({
              scenario: scaleoutScenario(readers),
              server: p.name,
              p50Ms: null,
              p99Ms: null,
              error: (err as Error).message,
            })
          }
        }
        await measureSessions([...cross.values(), ...local.values()], readers, fanoutPlan, quietMaxMs)
        for (const [p, s] of cross) {
          const one = local.get(p) as Session
          const base = row(p.b, readers, 'raw', fanoutPlan, one.reps, one.error)
          const r = row(p.b, readers, 'raw', fanoutPlan, s.reps, s.error)
          const diff = (x: number | null, y: number | null): number | undefined =>
            x === null || y === null ? undefined : Math.round((x - y) * 100) / 100
          yield {
            ...r,
            scenario: scaleoutScenario(readers),
            server: p.name,
            oneInstanceP50Ms: base.p50Ms,
            oneInstanceP99Ms: base.p99Ms,
            extraP50Ms: diff(r.p50Ms, base.p50Ms),
            extraP99Ms: diff(r.p99Ms, base.p99Ms),
            ...(one.error && !s.error ? { error: `one-instance baseline: ${one.error}` } : {}),
          }
        }
        yield* failed
      } finally {
        for (const s of [...cross.values(), ...local.values()]) s.close()
        await sleep(300)
      }
    }
  } finally {
    await Promise.all(pairs.flatMap((p) => [p.a.stop(), p.b.stop()]))
    await db?.drop().catch(() => undefined)
  }
}
