import { log } from '../../log.js'
import type { Db, Queryable } from '../db.js'
import { NewerSchemaError } from '../storage-errors.js'
import { MIGRATIONS, type Migration } from './index.js'
import { statements } from './sql.js'

/** Held across the whole run on PostgreSQL; the key the code before numbered migrations used too. */
export const MIGRATION_LOCK = 'schema-migration'

const VERSION_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version {BIGINT} PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at {BIGINT} NOT NULL
);
`

/** A table of version 1 (`001-initial.ts`): present without a version table, the database predates migrations. */
const LEGACY_MARKER_TABLE = 'users'

export interface MigrationRun {
  /** The version found (after recognising a database from before migrations as 1); 0 when empty. */
  from: number
  to: number
  applied: { version: number; name: string }[]
  /** Set when a database with tables and no version table was recorded as version 1. */
  legacy: boolean
}

/** A migration failed: its transaction was rolled back and no later one ran. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migration: Migration,
    readonly atVersion: number,
    cause: unknown,
  ) {
    super(
      `schema migration ${label(migration)} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        `The database stays at version ${atVersion}; no later migration ran.`,
      { cause },
    )
    this.name = 'MigrationFailedError'
  }
}

export function label(m: Pick<Migration, 'version' | 'name'>): string {
  return `${String(m.version).padStart(3, '0')}-${m.name}`
}

/**
 * Numbers only grow. Gaps are allowed: numbers are handed out to branches developed side by
 * side, and a gap is a migration not merged yet; it runs when it arrives, since what is pending
 * is every migration not recorded, not everything above the highest recorded one.
 */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const before = i === 0 ? 0 : migrations[i - 1]!.version
    if (!(m.version > before))
      throw new Error(`migrations must be numbered 1, 2, 3, … in order: found ${label(m)} at position ${i + 1}`)
  })
}

async function isRecorded(q: Queryable, version: number): Promise<boolean> {
  return (await q.query('SELECT 1 AS present FROM schema_migrations WHERE version = $1', [version])).length > 0
}

async function tableExists(q: Queryable, dialect: Db['dialect'], table: string): Promise<boolean> {
  const rows =
    dialect === 'sqlite'
      ? await q.query("SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = $1", [table])
      : await q.query(
          'SELECT 1 AS present FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1',
          [table],
        )
  return rows.length > 0
}

async function currentVersion(q: Queryable): Promise<number> {
  const rows = await q.query<{ version: number | string | null }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  )
  return Number(rows[0]?.version ?? 0)
}

/**
 * Brings the schema to the latest version: each pending migration in its own transaction, in
 * order, recorded in schema_migrations (version, name, applied_at) in that same transaction.
 * Several instances starting at once on one PostgreSQL wait for each other on an advisory lock
 * (and each re-reads the version inside its transaction), so no migration runs twice.
 * A database newer than this code: NewerSchemaError, before anything is changed.
 */
export async function runMigrations(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
  where = 'the database',
): Promise<MigrationRun> {
  checkOrder(migrations)
  const latest = migrations.at(-1)?.version ?? 0
  return db.locked(MIGRATION_LOCK, async (tx) => {
    const start = await tx(async (q) => {
      const hasVersions = await tableExists(q, db.dialect, 'schema_migrations')
      if (hasVersions) return { version: await currentVersion(q), legacy: false }
      // Before numbered migrations: 001's tables are there but nothing says which version they are.
      const legacy = latest >= 1 && (await tableExists(q, db.dialect, LEGACY_MARKER_TABLE))
      for (const statement of statements(VERSION_TABLE, db.dialect)) await q.query(statement)
      if (legacy) {
        await q.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          1,
          migrations[0]!.name,
          Date.now(),
        ])
      }
      return { version: legacy ? 1 : 0, legacy }
    })
    if (start.legacy)
      log('schema: database from before numbered migrations, recorded as version 1', {
        migration: label(migrations[0]!),
      })
    if (start.version > latest) throw new NewerSchemaError(where, start.version, latest)

    const applied: MigrationRun['applied'] = []
    for (const migration of migrations) {
      const ran = await tx(async (q) => {
        // Read under the lock: another instance may have applied it since.
        if (await isRecorded(q, migration.version)) return false
        const version = await currentVersion(q)
        try {
          for (const statement of migration.statements(db.dialect)) await q.query(statement)
          await q.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            Date.now(),
          ])
        } catch (err) {
          throw new MigrationFailedError(migration, version, err)
        }
        return true
      })
      if (!ran) continue
      applied.push({ version: migration.version, name: migration.name })
      log('schema migration applied', { migration: label(migration) })
    }
    return { from: start.version, to: Math.max(start.version, latest), applied, legacy: start.legacy }
  })
}
