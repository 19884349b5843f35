import { freshDatabase, postgresReachable, type FreshDatabase } from './postgres.js'
import { startServer, type StartOptions, type TestServer } from './server.js'

export interface Backend {
  name: 'sqlite' | 'postgres'
  /** Skip reason when the backend cannot run here, otherwise undefined. */
  unavailable: string | undefined
  start(options?: StartOptions): Promise<TestServer>
  /** Drops what start() created (the PostgreSQL database). */
  cleanup(): Promise<void>
}

const pgUp = await postgresReachable()
if (!pgUp) {
  console.warn(
    '[integration] PostgreSQL at 127.0.0.1:5432 is not reachable: the postgres variants of these tests are SKIPPED.',
  )
}

/** The embedded default and real PostgreSQL; every durability test runs on both. */
export function backends(): Backend[] {
  const created: FreshDatabase[] = []
  return [
    {
      name: 'sqlite',
      unavailable: undefined,
      start: (options) => startServer(options),
      cleanup: async () => undefined,
    },
    {
      name: 'postgres',
      unavailable: pgUp ? undefined : 'PostgreSQL not reachable at 127.0.0.1:5432',
      async start(options) {
        const db = await freshDatabase()
        created.push(db)
        return startServer({ ...options, databaseUrl: db.url })
      },
      async cleanup() {
        for (const db of created.splice(0)) await db.drop().catch(() => undefined)
      },
    },
  ]
}
