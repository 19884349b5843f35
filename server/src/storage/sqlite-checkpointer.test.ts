import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqlite } from './sqlite.js'

describe('embedded store WAL checkpoints', () => {
  it('happen off the commit path: committed pages reach the database file without a checkpoint in any commit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-ckpt-'))
    const db = openSqlite(dir)
    try {
      await db.query('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)')
      const mainFile = path.join(dir, 'factcheck.sqlite3')
      const before = fs.statSync(mainFile).size
      for (let i = 0; i < 1200; i++) await db.query('INSERT INTO t (data) VALUES ($1)', [new Uint8Array(4096).fill(i)])
      // Past SQLite's 1,000-page autocheckpoint, yet autocheckpoint is off on the server's
      // connection: the rows are only in the WAL so far.
      expect(fs.statSync(mainFile).size).toBe(before)
      // A PASSIVE checkpoint copies what it can each round; within a few rounds it is all there.
      const copied = before + 1200 * 4096
      const deadline = Date.now() + 10_000
      while (fs.statSync(mainFile).size <= copied && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(fs.statSync(mainFile).size).toBeGreaterThan(copied)
      const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM t')
      expect(rows[0]?.n).toBe(1200)
    } finally {
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 20_000)

  it('lets a process that closes the store at top level exit normally', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-ckpt-'))
    const sqlite = new URL('./sqlite.ts', import.meta.url).href
    // Nothing else keeps this process alive while close() waits for the worker (exit 13 if it did not).
    const code = `const { openSqlite } = await import(${JSON.stringify(sqlite)}); const db = openSqlite(${JSON.stringify(dir)}); await db.query('SELECT 1'); await db.close(); console.log('closed');`
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 20_000,
    })
    fs.rmSync(dir, { recursive: true, force: true })
    expect(run.stdout.trim()).toBe('closed')
    expect(run.status).toBe(0)
  }, 30_000)
})
