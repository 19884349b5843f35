import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Db, Queryable, SqlParam } from './db.js'
import { startCheckpointer } from './sqlite-checkpointer.js'
import { startLogWriter } from './sqlite-log-writer.js'

/**
 * Embedded driver. better-sqlite3 is synchronous, so a transaction spanning
 * awaits must keep other callers out until it ends: a promise chain serializes them.
 * The document log is written from a worker thread on a second connection (docLog).
 * WAL + synchronous=NORMAL: a committed group survives a killed process
 * (the OS holds the written WAL); set SQLITE_SYNCHRONOUS=FULL to also survive power loss.
 */
/** The embedded store's database file in DATA_DIR. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'factcheck.sqlite3')
}

export function openSqlite(dataDir: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = sqliteFile(dataDir)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // Checkpoints happen off the event loop (sqlite-checkpointer.ts), never inside a commit.
  db.pragma('wal_autocheckpoint = 0')
  const checkpointer = startCheckpointer(file)
  db.pragma(`synchronous = ${synchronous}`)
  const docLog = startLogWriter(file, { synchronous })
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')

  // Compiled once per query text: preparing is most of the cost of a small query, and every
  // socket's permission check and every group commit runs the same few queries.
  const prepared = new Map<string, { stmt: Database.Statement; order: number[] }>()
  function prepare(sql: string): { stmt: Database.Statement; order: number[] } {
    let hit = prepared.get(sql)
    if (!hit) {
      const order: number[] = []
      const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
        order.push(Number(n) - 1)
        return '?'
      })
      hit = { stmt: db.prepare(text), order }
      // Query texts are constants in the code; the cap only guards against one built per call.
      if (prepared.size >= 1000) prepared.clear()
      prepared.set(sql, hit)
    }
    return hit
  }

  function bind(value: SqlParam): unknown {
    if (typeof value === 'boolean') return value ? 1 : 0
    if (value instanceof Uint8Array && !Buffer.isBuffer(value))
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    return value
  }

  function run<T>(sql: string, params: SqlParam[] = []): T[] {
    const { stmt, order } = prepare(sql)
    const args = order.map((i) => bind(params[i] ?? null))
    if (stmt.reader) return stmt.all(...args) as T[]
    stmt.run(...args)
    return []
  }

  const direct: Queryable = {
    async query<T>(sql: string, params?: SqlParam[]) {
      return run<T>(sql, params)
    },
  }

  let chain: Promise<unknown> = Promise.resolve()
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn, fn)
    chain = next.catch(() => undefined)
    return next
  }

  async function tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      db.exec('BEGIN IMMEDIATE')
      try {
        const result = await fn(direct)
        db.exec('COMMIT')
        return result
      } catch (err) {
        db.exec('ROLLBACK')
        throw err
      }
    })
  }

  return {
    dialect: 'sqlite',
    docLog,
    query: (sql, params) => exclusive(() => direct.query(sql, params)),
    tx,
    txLocked: (_key, fn) => tx(fn),
    locked: (_key, fn) => fn(tx),
    async close() {
      await docLog.stop()
      await checkpointer.stop()
      await exclusive(async () => db.close())
    },
  }
}
