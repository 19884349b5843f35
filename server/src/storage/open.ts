import type { Config } from '../config.js';
import type { Db } from './db.js';
import { runMigrations } from './migrations/runner.js';
import { openSqlite, sqliteFile } from './sqlite.js';
import { isUnreadableDatabase, UnreadableStoreError } from './storage-errors.js';

/** PostgreSQL when DATABASE_URL is set, the embedded SQLite file in DATA_DIR otherwise. */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  // pg is loaded only when used: ~3 MB of heap the embedded default does not need.
  const db = config.databaseUrl ? (await import('./postgres.js')).openPostgres(config.databaseUrl) : openEmbedded(config.dataDir);
  try {
    await runMigrations(db, undefined, config.databaseUrl ? 'the PostgreSQL database' : sqliteFile(config.dataDir));
  } catch (err) {
    if (!config.databaseUrl && isUnreadableDatabase(err)) throw new UnreadableStoreError(sqliteFile(config.dataDir), err);
    throw err;
  }
  // One empty round trip: the log writer's thread has started (and loaded its modules) before
  // the first group commit would wait for it.
  await db.docLog?.append([]);
  return db;
}

/** A file that is not a database fails at its first pragma: said once, with the file, not as a stack trace. */
function openEmbedded(dataDir: string): Db {
  try {
    return openSqlite(dataDir);
  } catch (err) {
    if (isUnreadableDatabase(err)) throw new UnreadableStoreError(sqliteFile(dataDir), err);
    throw err;
  }
}
