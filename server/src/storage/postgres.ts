import pg from 'pg'
import type { Db, Queryable, SqlParam, TxRunner } from './db.js'

// BIGINT columns (seq, timestamps) fit in a JS number for this product's lifetime.
pg.types.setTypeParser(20, (v) => Number(v))

/** poolMax: PG_POOL_MAX (config/index.ts). */
export function openPostgres(url: string, poolMax = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolMax })
  pool.on('error', () => undefined) // an idle client's error must not crash the server; the next query reports it

  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: SqlParam[] = []) {
      const res = await client.query(sql, params as unknown[])
      return res.rows as T[]
    },
  })

  async function txOn<T>(client: pg.PoolClient, fn: (q: Queryable) => Promise<T>, lockKey?: string): Promise<T> {
    try {
      await client.query('BEGIN')
      if (lockKey !== undefined) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey])
      const result = await fn(asQueryable(client))
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    }
  }

  async function tx<T>(fn: (q: Queryable) => Promise<T>, lockKey?: string): Promise<T> {
    const client = await pool.connect()
    try {
      return await txOn(client, fn, lockKey)
    } finally {
      client.release()
    }
  }

  // A session lock, so the transactions run under it commit one by one; same key space as txLocked.
  async function locked<T>(lockKey: string, fn: (run: TxRunner) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    let held = false
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey])
      held = true
      return await fn((f) => txOn(client, f))
    } finally {
      if (held) await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined)
      client.release()
    }
  }

  return {
    dialect: 'postgres',
    query: asQueryable(pool).query,
    tx: (fn) => tx(fn),
    txLocked: (key, fn) => tx(fn, key),
    locked,
    close: () => pool.end(),
  }
}
