import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { Db } from './db.js'
import { SqlDocStore } from './doc-store.js'
import { openDb } from './open.js'

describe('compacting an open document (single instance)', () => {
  it('folds every logged row into the snapshot and removes them all, with nothing lost', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-store-'))
    const db = await openDb({ dataDir: dir, databaseUrl: undefined })
    const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000 })
    const live = new Y.Doc()
    store.liveDoc = () => live
    live.on('update', (update: Uint8Array) => store.appendUpdate('doc-1', update))
    try {
      // More rows than several delete batches, and a deletion (which a state vector would not show).
      for (let i = 0; i < 350; i++) live.getArray<string>('items').push([`item ${i}`])
      live.getText('t').insert(0, 'keep this, drop that')
      live.getText('t').delete(10, 10)
      await store.flush()
      const logged = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['doc-1'])
      expect(Number(logged[0]?.n)).toBe(352)

      await store.compact('doc-1')
      const left = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['doc-1'])
      expect(Number(left[0]?.n)).toBe(0)

      const loaded = new Y.Doc()
      for (const update of await store.load('doc-1')) Y.applyUpdate(loaded, update)
      expect(loaded.getArray('items').length).toBe(350)
      expect(loaded.getText('t').toString()).toBe('keep this,')
    } finally {
      await store.close()
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a load racing a compaction sees either the old log or the new snapshot, never neither', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-store-'))
    const db = await openDb({ dataDir: dir, databaseUrl: undefined })
    const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000 })
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => store.appendUpdate('doc-2', update))
    try {
      for (let i = 0; i < 40; i++) doc.getArray<string>('items').push([`item ${i}`])
      await store.flush()
      // No live document: compaction folds and deletes in one transaction, queued on the
      // store's connection right behind the load's first read.
      const loading = store.load('doc-2')
      const compacting = store.compact('doc-2')
      const loaded = new Y.Doc()
      for (const update of await loading) Y.applyUpdate(loaded, update)
      await compacting
      expect(loaded.getArray('items').length).toBe(40)
    } finally {
      await store.close()
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** A fresh embedded database for one test, closed and removed afterwards. */
async function onTempDb(test: (db: Db) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-store-'))
  const db = await openDb({ dataDir: dir, databaseUrl: undefined })
  try {
    await test(db)
  } finally {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('damaged rows and a full disk', () => {
  it('a stored row that does not decode is moved to doc_quarantine and the other rows load', () =>
    onTempDb(async (db) => {
      const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000 })
      for (const key of ['a', 'b', 'c']) {
        const writer = new Y.Doc()
        writer.getMap<string>('m').set(key, key)
        store.appendUpdate('doc-q', Y.encodeStateAsUpdate(writer))
      }
      await store.flush()
      const rows = await db.query<{ seq: number }>('SELECT seq FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [
        'doc-q',
      ])
      await db.query('UPDATE doc_updates SET data = $1 WHERE seq = $2', [new Uint8Array([9, 9, 9, 9]), rows[1]!.seq])

      const loaded = new Y.Doc()
      for (const update of await store.load('doc-q')) Y.applyUpdate(loaded, update)
      expect(loaded.getMap('m').toJSON()).toEqual({ a: 'a', c: 'c' })
      const moved = await db.query<{ kind: string; seq: number; data: Uint8Array }>(
        'SELECT kind, seq, data FROM doc_quarantine WHERE doc_id = $1',
        ['doc-q'],
      )
      expect(moved.map((r) => [r.kind, r.seq, Array.from(r.data)])).toEqual([['update', rows[1]!.seq, [9, 9, 9, 9]]])
      const left = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['doc-q'])
      expect(Number(left[0]?.n)).toBe(2)
      await store.close()
    }))

  it('while commits fail for lack of space, updates stay queued, loads serve them, and the first commit ends the state', () =>
    onTempDb(async (real) => {
      // The driver's own answer to a write on a full disk, at the seam the store writes through.
      let diskFull = true
      const full = Object.assign(new Error('SqliteError: database or disk is full'), { code: 'SQLITE_FULL' })
      const db: Db = Object.assign(Object.create(real) as Db, {
        docLog: {
          append: (rows: { docId: string; data: Uint8Array }[]) =>
            diskFull ? Promise.reject(full) : real.docLog!.append(rows),
          compact: real.docLog!.compact,
        },
      })
      const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000, storageRetryMs: 20 })
      const told: boolean[] = []
      store.onStorageFull = (isFull) => told.push(isFull)
      const writer = new Y.Doc()
      writer.on('update', (update: Uint8Array) => store.appendUpdate('doc-f', update))
      writer.getText('t').insert(0, 'relayed before the disk filled')
      await expect(store.flush()).rejects.toThrow(/disk is full/)
      expect(store.storageFull).toBe(true)
      expect(told).toEqual([true])

      const reopened = new Y.Doc()
      for (const update of await store.load('doc-f')) Y.applyUpdate(reopened, update)
      expect(reopened.getText('t').toString()).toBe('relayed before the disk filled')

      diskFull = false
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(store.storageFull).toBe(false)
      expect(told).toEqual([true, false])
      const stored = await real.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', [
        'doc-f',
      ])
      expect(Number(stored[0]?.n)).toBe(1)
      await store.close()
    }))

  it('a backlog whose commit fails partway is committed once each: the committed chunks leave, the rest retry', () =>
    onTempDb(async (real) => {
      // Three chunks' worth of updates queued at once; the second chunk's write fails once.
      let calls = 0
      const db: Db = Object.assign(Object.create(real) as Db, {
        docLog: {
          append: (rows: { docId: string; data: Uint8Array }[]) =>
            ++calls === 2 ? Promise.reject(new Error('SqliteError: disk I/O error')) : real.docLog!.append(rows),
          compact: real.docLog!.compact,
        },
      })
      const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000 })
      const writer = new Y.Doc()
      writer.on('update', (update: Uint8Array) => store.appendUpdate('doc-b', update))
      for (let i = 0; i < 2500; i++) writer.getArray<number>('n').push([i])
      await expect(store.flush()).rejects.toThrow(/disk I\/O error/)
      await store.flush()
      const stored = await real.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', [
        'doc-b',
      ])
      expect(Number(stored[0]?.n)).toBe(2500)
      const loaded = new Y.Doc()
      for (const update of await store.load('doc-b')) Y.applyUpdate(loaded, update)
      expect(loaded.getArray<number>('n').toArray()).toEqual(Array.from({ length: 2500 }, (_, i) => i))
      await store.close()
    }))
})
