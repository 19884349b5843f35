import { createRequire } from 'node:module'
import path from 'node:path'
import pg from 'pg'
import * as Y from 'yjs'
import { REPO_ROOT, type TestServer } from './server.js'

interface SqliteHandle {
  prepare(sql: string): {
    get(...params: unknown[]): unknown
    all(...params: unknown[]): unknown[]
    run(...params: unknown[]): unknown
    reader: boolean
  }
  close(): void
}
type SqliteOpen = new (file: string, options: { fileMustExist: boolean }) => SqliteHandle

/**
 * How many stored rows (snapshot + update log) the server holds for these documents,
 * read from its database directly: to check that something was really deleted, not
 * just made unreachable. The embedded store is read through the server's own driver.
 */
export async function storedDocRows(
  server: Pick<TestServer, 'dataDir' | 'databaseUrl'>,
  docIds: readonly string[],
): Promise<number> {
  const count =
    'SELECT (SELECT COUNT(*) FROM doc_updates WHERE doc_id = $1) + (SELECT COUNT(*) FROM doc_snapshots WHERE doc_id = $1) AS n'
  let total = 0
  for (const docId of docIds) total += Number((await onServerDb<{ n: number | string }>(server, count, [docId]))[0]!.n)
  return total
}

/** Runs one statement on the server's database directly (written once with `$n` placeholders). */
export async function onServerDb<T>(
  server: Pick<TestServer, 'dataDir' | 'databaseUrl'>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl })
    await client.connect()
    try {
      return (await client.query(sql, params)).rows as T[]
    } finally {
      await client.end()
    }
  }
  const Database = createRequire(path.join(REPO_ROOT, 'server/package.json'))('better-sqlite3') as SqliteOpen
  const db = new Database(path.join(server.dataDir, 'factcheck.sqlite3'), { fileMustExist: true })
  try {
    // `$n` as the server's SQLite driver reads it: positional, so a parameter may repeat.
    const order: number[] = []
    const statement = db.prepare(
      sql.replace(/\$(\d+)/g, (_, n: string) => {
        order.push(Number(n) - 1)
        return '?'
      }),
    )
    const args = order.map((i) => params[i])
    if (statement.reader) return statement.all(...args) as T[]
    statement.run(...args)
    return []
  } finally {
    db.close()
  }
}

/**
 * Overwrites the stored bytes of one document's log rows that contain `marker` (a string the
 * update wrote) with junk, as a bad sector or a broken copy would. Returns how many rows.
 */
export async function garbleLogRows(
  server: Pick<TestServer, 'dataDir' | 'databaseUrl'>,
  docId: string,
  marker: string,
  junk: Uint8Array,
): Promise<number> {
  const rows = await onServerDb<{ seq: number | string; data: Uint8Array }>(
    server,
    'SELECT seq, data FROM doc_updates WHERE doc_id = $1',
    [docId],
  )
  const hits = rows.filter((r) => Buffer.from(r.data).includes(marker))
  for (const row of hits)
    await onServerDb(server, 'UPDATE doc_updates SET data = $1 WHERE seq = $2', [Buffer.from(junk), Number(row.seq)])
  return hits.length
}

/** Overwrites the document's stored snapshot with junk; returns whether it had one. */
export async function garbleSnapshot(
  server: Pick<TestServer, 'dataDir' | 'databaseUrl'>,
  docId: string,
  junk: Uint8Array,
): Promise<boolean> {
  const had = await onServerDb(server, 'SELECT doc_id FROM doc_snapshots WHERE doc_id = $1', [docId])
  await onServerDb(server, 'UPDATE doc_snapshots SET snapshot = $1 WHERE doc_id = $2', [Buffer.from(junk), docId])
  return had.length > 0
}

/** The rows the server moved into quarantine for this document. */
export function quarantinedRows(
  server: Pick<TestServer, 'dataDir' | 'databaseUrl'>,
  docId: string,
): Promise<{ kind: string; data: Uint8Array; error: string }[]> {
  return onServerDb(server, 'SELECT kind, data, error FROM doc_quarantine WHERE doc_id = $1 ORDER BY id', [docId])
}

/**
 * The document exactly as storage holds it (snapshot, then the update log in order), read
 * from the database directly, not through a server: to compare storage with what clients hold.
 */
export async function storedDocument(
  server: Pick<TestServer, 'dataDir' | 'databaseUrl'>,
  docId: string,
): Promise<Y.Doc> {
  const rows: Uint8Array[] = []
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl })
    await client.connect()
    try {
      const snapshot = await client.query<{ data: Buffer }>(
        'SELECT snapshot AS data FROM doc_snapshots WHERE doc_id = $1',
        [docId],
      )
      const log = await client.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [
        docId,
      ])
      for (const row of [...snapshot.rows, ...log.rows]) rows.push(new Uint8Array(row.data))
    } finally {
      await client.end()
    }
  } else {
    const Database = createRequire(path.join(REPO_ROOT, 'server/package.json'))('better-sqlite3') as SqliteOpen
    const db = new Database(path.join(server.dataDir, 'factcheck.sqlite3'), { fileMustExist: true })
    try {
      const snapshot = db.prepare('SELECT snapshot AS data FROM doc_snapshots WHERE doc_id = ?').all(docId) as {
        data: Buffer
      }[]
      const log = db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as {
        data: Buffer
      }[]
      for (const row of [...snapshot, ...log]) rows.push(new Uint8Array(row.data))
    } finally {
      db.close()
    }
  }
  const doc = new Y.Doc()
  for (const update of rows) Y.applyUpdate(doc, update)
  return doc
}
