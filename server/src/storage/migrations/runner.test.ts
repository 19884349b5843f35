import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../db.js'
import { openSqlite } from '../sqlite.js'
import { NewerSchemaError } from '../storage-errors.js'
import { MIGRATIONS, type Migration } from './index.js'
import { MigrationFailedError, runMigrations } from './runner.js'

const opened: { db: Db; dir: string }[] = []
afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

function freshSqlite(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-migrate-'))
  const db = openSqlite(dir)
  opened.push({ db, dir })
  return db
}

/** Counts the transactions the runner opens. */
function counting(db: Db): { db: Db; transactions: () => number } {
  let n = 0
  return {
    db: {
      ...db,
      locked: (key, fn) =>
        db.locked(key, (tx) =>
          fn((f) => {
            n++
            return tx(f)
          }),
        ),
    },
    transactions: () => n,
  }
}

const versions = (db: Db) =>
  db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')
const tables = async (db: Db) =>
  (
    await db.query<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
  ).map((r) => r.name)

function sqlMigration(version: number, name: string, sql: string[]): Migration {
  return { version, name, statements: () => sql }
}

describe('schema migrations: the runner', () => {
  it('a fresh database gets every migration, in order, one transaction each, and a second run applies nothing', async () => {
    const { db, transactions } = counting(freshSqlite())
    const run = await runMigrations(db)
    expect(run).toEqual({
      from: 0,
      to: MIGRATIONS.at(-1)!.version,
      legacy: false,
      applied: MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    })
    // One to read (and create) the version table, then one per migration.
    expect(transactions()).toBe(1 + MIGRATIONS.length)
    expect(await versions(db)).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    expect(await tables(db)).toContain('doc_quarantine')
    expect(await tables(db)).toContain('claim_reviews')

    const again = await runMigrations(db)
    expect(again).toEqual({
      from: MIGRATIONS.at(-1)!.version,
      to: MIGRATIONS.at(-1)!.version,
      legacy: false,
      applied: [],
    })
  })

  it('a database from before migrations (tables, no version table) is recognised as version 1 and gets only the later ones', async () => {
    const db = freshSqlite()
    // What the last release before migrations created: 001's statements, nothing recorded.
    for (const statement of MIGRATIONS[0]!.statements('sqlite')) await db.query(statement)
    await db.query(
      "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@example.test', 'A', 'x', 1)",
    )
    const run = await runMigrations(db)
    expect(run.legacy).toBe(true)
    expect(run.from).toBe(1)
    expect(run.applied).toEqual(MIGRATIONS.slice(1).map((m) => ({ version: m.version, name: m.name })))
    expect((await versions(db)).map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version))
    expect(await db.query('SELECT id FROM users')).toEqual([{ id: 'u1' }])
  })

  it('ends with the same tables whether the database was fresh or from before migrations', async () => {
    const fresh = freshSqlite()
    await runMigrations(fresh)
    const legacy = freshSqlite()
    for (const statement of MIGRATIONS[0]!.statements('sqlite')) await legacy.query(statement)
    await runMigrations(legacy)
    const schemaOf = (db: Db) =>
      db.query("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    expect(await schemaOf(legacy)).toEqual(await schemaOf(fresh))
  })

  it('a failing migration is rolled back alone and stops the run with a clear error', async () => {
    const db = freshSqlite()
    const ran: number[] = []
    const list: Migration[] = [
      sqlMigration(1, 'one', ['CREATE TABLE one (id TEXT)']),
      sqlMigration(2, 'two', ['CREATE TABLE two (id TEXT)']),
      {
        version: 3,
        name: 'broken',
        statements: () => {
          ran.push(3)
          return ['CREATE TABLE three (id TEXT)', 'INSERT INTO nowhere VALUES (1)']
        },
      },
      {
        version: 4,
        name: 'after',
        statements: () => {
          ran.push(4)
          return ['CREATE TABLE four (id TEXT)']
        },
      },
    ]
    const failure = await runMigrations(db, list).catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(MigrationFailedError)
    expect((failure as Error).message).toMatch(
      /schema migration 003-broken failed and was rolled back: .*no such table: nowhere/,
    )
    expect((failure as Error).message).toMatch(/stays at version 2/)
    expect(ran).toEqual([3])
    // 1 and 2 committed; 3's first statement went with its rollback; 4 never ran.
    expect((await versions(db)).map((v) => v.version)).toEqual([1, 2])
    expect(await tables(db)).toEqual(['one', 'schema_migrations', 'two'])

    // Fixed, the next start resumes at 3.
    list[2] = sqlMigration(3, 'broken', ['CREATE TABLE three (id TEXT)'])
    expect((await runMigrations(db, list)).applied.map((m) => m.version)).toEqual([3, 4])
  })

  it('refuses migrations that are not numbered 1, 2, 3, … in order', async () => {
    const db = freshSqlite()
    await expect(runMigrations(db, [sqlMigration(2, 'two', []), sqlMigration(1, 'one', [])])).rejects.toThrow(
      /numbered 1, 2, 3/,
    )
    await expect(runMigrations(db, [sqlMigration(1, 'one', []), sqlMigration(1, 'again', [])])).rejects.toThrow(
      /found 001-again at position 2/,
    )
  })

  it('a gap (a number handed to a branch not merged yet) is allowed, and that migration runs once it arrives', async () => {
    const db = freshSqlite()
    const one = sqlMigration(1, 'one', ['CREATE TABLE one (id TEXT)'])
    const three = sqlMigration(3, 'three', ['CREATE TABLE three (id TEXT)'])
    expect((await runMigrations(db, [one, three])).applied.map((m) => m.version)).toEqual([1, 3])
    const two = sqlMigration(2, 'two', ['CREATE TABLE two (id TEXT)'])
    expect((await runMigrations(db, [one, two, three])).applied.map((m) => m.version)).toEqual([2])
    expect((await versions(db)).map((v) => v.version)).toEqual([1, 2, 3])
  })

  it('a database newer than the code is refused before anything changes', async () => {
    const db = freshSqlite()
    await runMigrations(db)
    await db.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from-the-future', 1)")
    const failure = await runMigrations(db, MIGRATIONS, '/data/factcheck.sqlite3').catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(NewerSchemaError)
    expect((failure as Error).message).toMatch(
      /\/data\/factcheck\.sqlite3 is at version 99, newer than this server knows \(version 6\)/,
    )
    expect((await versions(db)).map((v) => v.version)).toEqual([...MIGRATIONS.map((m) => m.version), 99])
  })
})
