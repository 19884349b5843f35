import type { Config } from '../config.js';
import type { Db } from './db.js';
import { schemaStatements } from './schema.js';
import { openSqlite } from './sqlite.js';

/** PostgreSQL when DATABASE_URL is set, the embedded SQLite file in DATA_DIR otherwise. */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  // pg is loaded only when used: ~3 MB of heap the embedded default does not need.
  const db = config.databaseUrl ? (await import('./postgres.js')).openPostgres(config.databaseUrl) : openSqlite(config.dataDir);
  await migrate(db);
  // One empty round trip: the log writer's thread has started (and loaded its modules) before
  // the first group commit would wait for it.
  await db.docLog?.append([]);
  return db;
}

async function migrate(db: Db): Promise<void> {
  // Several instances may start at once against one PostgreSQL: serialize the DDL.
  await db.txLocked('schema-migration', async (q) => {
    for (const statement of schemaStatements(db.dialect)) await q.query(statement);
  });
}
