import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import * as Y from 'yjs';
import { REPO_ROOT, type TestServer } from './server.js';

interface SqliteHandle {
  prepare(sql: string): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  close(): void;
}
type SqliteOpen = new (file: string, options: { fileMustExist: boolean }) => SqliteHandle;

/**
 * How many stored rows (snapshot + update log) the server holds for these documents,
 * read from its database directly: to check that something was really deleted, not
 * just made unreachable. The embedded store is read through the server's own driver.
 */
export async function storedDocRows(server: Pick<TestServer, 'dataDir' | 'databaseUrl'>, docIds: readonly string[]): Promise<number> {
  const count = `SELECT (SELECT COUNT(*) FROM doc_updates WHERE doc_id = ?) + (SELECT COUNT(*) FROM doc_snapshots WHERE doc_id = ?) AS n`;
  let total = 0;
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      for (const docId of docIds) {
        const res = await client.query<{ n: string }>(count.replaceAll('?', '$1'), [docId]);
        total += Number(res.rows[0]!.n);
      }
    } finally {
      await client.end();
    }
    return total;
  }
  const Database = createRequire(path.join(REPO_ROOT, 'server/package.json'))('better-sqlite3') as SqliteOpen;
  const db = new Database(path.join(server.dataDir, 'factcheck.sqlite3'), { fileMustExist: true });
  try {
    const statement = db.prepare(count);
    for (const docId of docIds) total += Number((statement.get(docId, docId) as { n: number }).n);
  } finally {
    db.close();
  }
  return total;
}

/**
 * The document exactly as storage holds it (snapshot, then the update log in order), read
 * from the database directly, not through a server: to compare storage with what clients hold.
 */
export async function storedDocument(server: Pick<TestServer, 'dataDir' | 'databaseUrl'>, docId: string): Promise<Y.Doc> {
  const rows: Uint8Array[] = [];
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      const snapshot = await client.query<{ data: Buffer }>('SELECT snapshot AS data FROM doc_snapshots WHERE doc_id = $1', [docId]);
      const log = await client.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [docId]);
      for (const row of [...snapshot.rows, ...log.rows]) rows.push(new Uint8Array(row.data));
    } finally {
      await client.end();
    }
  } else {
    const Database = createRequire(path.join(REPO_ROOT, 'server/package.json'))('better-sqlite3') as SqliteOpen;
    const db = new Database(path.join(server.dataDir, 'factcheck.sqlite3'), { fileMustExist: true });
    try {
      const snapshot = db.prepare('SELECT snapshot AS data FROM doc_snapshots WHERE doc_id = ?').all(docId) as { data: Buffer }[];
      const log = db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as { data: Buffer }[];
      for (const row of [...snapshot, ...log]) rows.push(new Uint8Array(row.data));
    } finally {
      db.close();
    }
  }
  const doc = new Y.Doc();
  for (const update of rows) Y.applyUpdate(doc, update);
  return doc;
}
