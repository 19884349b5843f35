import type { StorageConfig } from '../config/index.js'
import type { Db } from './db.js'
import { runMigrations } from './migrations/runner.js'
import { openSqlite, sqliteFile } from './sqlite.js'
import { isUnreadableDatabase, UnreadableStoreError } from './storage-errors.js'

/** PostgreSQL when DATABASE_URL is set, the embedded SQLite file in DATA_DIR otherwise. */
export async function openDb(
  config: Pick<StorageConfig, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<StorageConfig, 'pgPoolMax' | 'sqliteSynchronous'>>,
): Promise<Db> {
  // pg is loaded only when used: ~3 MB of heap the embedded default does not need.
  const db = config.databaseUrl
    ? (await import('./postgres.js')).openPostgres(config.databaseUrl, config.pgPoolMax)
    : openEmbedded(config.dataDir, config.sqliteSynchronous)
  try {
    await runMigrations(db, undefined, config.databaseUrl ? 'the PostgreSQL database' : sqliteFile(config.dataDir))
  } catch (err) {
    if (!config.databaseUrl && isUnreadableDatabase(err))
      throw new UnreadableStoreError(sqliteFile(config.dataDir), err)
    throw err
  }
  // One empty round trip: the log writer's thread has started (and loaded its modules) before
  // the first group commit would wait for it.
  await db.docLog?.append([])
  return db
}

/** A file that is not a database fails at its first pragma: said once, with the file, not as a stack trace. */
function openEmbedded(dataDir: string, synchronous: StorageConfig['sqliteSynchronous'] | undefined): Db {
  try {
    return openSqlite(dataDir, synchronous)
  } catch (err) {
    if (isUnreadableDatabase(err)) throw new UnreadableStoreError(sqliteFile(dataDir), err)
    throw err
  }
}
