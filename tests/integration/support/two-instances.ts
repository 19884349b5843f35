import { afterAll, beforeAll } from 'vitest'
import { freshDatabase, postgresReachable, type FreshDatabase } from './postgres.js'
import { TEST_REDIS_URL, redisReachable } from './redis.js'
import { startServer, type TestServer } from './server.js'

/** What a scale-out test needs and this machine lacks (PostgreSQL, Redis); warns once with `what` when anything is missing. */
export async function scaleOutMissing(what: string): Promise<string[]> {
  const missing = [
    (await postgresReachable()) ? undefined : 'PostgreSQL',
    (await redisReachable()) ? undefined : 'Redis',
  ].filter((m): m is string => m !== undefined)
  if (missing.length > 0)
    console.warn(`[integration] ${what} SKIPPED: ${missing.join(' and ')} not reachable on 127.0.0.1.`)
  return missing
}

/**
 * Two instances on one fresh PostgreSQL database and the test Redis, started before the
 * describe block's tests and stopped after them. Call inside `describe`.
 */
export function twoInstances(): () => [TestServer, TestServer] {
  let db: FreshDatabase | undefined
  let servers: TestServer[] = []
  beforeAll(async () => {
    db = await freshDatabase()
    for (let i = 0; i < 2; i++)
      servers.push(await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } }))
  })
  afterAll(async () => {
    for (const s of servers) await s.stop()
    servers = []
    await db?.drop()
  })
  return () => servers as [TestServer, TestServer]
}
