import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { openDb } from './open.js'

describe('embedded store document log, written off the event loop', () => {
  it('a compaction folds exactly what was appended before it; an append arriving mid-merge stays in the log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-log-'))
    const db = await openDb({ dataDir: dir, databaseUrl: undefined })
    const docLog = db.docLog!
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    try {
      // Enough rows that the merge yields to queued messages (the later append runs mid-merge).
      for (let i = 0; i < 120; i++) doc.getArray<string>('items').push([`item ${i}`])
      const before = updates.splice(0)
      for (let i = 120; i < 130; i++) doc.getArray<string>('items').push([`item ${i}`])
      const after = updates.splice(0)
      // Posted back to back without waiting: the later rows must survive the compaction.
      await Promise.all([
        docLog.append(before.map((data) => ({ docId: 'd', data }))),
        docLog.compact('d'),
        docLog.append(after.map((data) => ({ docId: 'd', data }))),
      ])
      const left = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['d'])
      expect(Number(left[0]?.n)).toBe(10)
      const snapshot = await db.query<{ snapshot: Uint8Array }>(
        'SELECT snapshot FROM doc_snapshots WHERE doc_id = $1',
        ['d'],
      )
      const folded = new Y.Doc()
      Y.applyUpdate(folded, snapshot[0]!.snapshot)
      expect(folded.getArray('items').length).toBe(120)
      const rows = await db.query<{ data: Uint8Array }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [
        'd',
      ])
      for (const row of rows) Y.applyUpdate(folded, row.data)
      expect(folded.getArray('items').toArray()).toEqual(doc.getArray('items').toArray())
    } finally {
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a compaction that brings the open document replaces the rows appended before it, and only those', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-log-'))
    const db = await openDb({ dataDir: dir, databaseUrl: undefined })
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    try {
      for (let i = 0; i < 20; i++) doc.getArray<string>('items').push([`item ${i}`])
      const before = updates.splice(0)
      const snapshot = Y.encodeStateAsUpdate(doc)
      doc.getText('t').insert(0, 'typed after the snapshot')
      const after = updates.splice(0)
      await Promise.all([
        db.docLog!.append(before.map((data) => ({ docId: 'd', data }))),
        db.docLog!.compact('d', snapshot),
        db.docLog!.append(after.map((data) => ({ docId: 'd', data }))),
      ])
      const rows = await db.query<{ data: Uint8Array }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [
        'd',
      ])
      expect(rows.length).toBe(after.length)
      const loaded = new Y.Doc()
      const stored = await db.query<{ snapshot: Uint8Array }>('SELECT snapshot FROM doc_snapshots WHERE doc_id = $1', [
        'd',
      ])
      Y.applyUpdate(loaded, stored[0]!.snapshot)
      for (const row of rows) Y.applyUpdate(loaded, row.data)
      expect(loaded.getArray('items').length).toBe(20)
      expect(loaded.getText('t').toString()).toBe('typed after the snapshot')
    } finally {
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a write it cannot commit, and keeps working afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-log-'))
    const db = await openDb({ dataDir: dir, databaseUrl: undefined })
    try {
      // A NULL doc_id violates the schema: the whole batch rolls back, the caller hears why,
      // with SQLite's code (the store tells SQLITE_FULL from other failures by it).
      const refused = db.docLog!.append([
        { docId: 'ok', data: new Uint8Array([1]) },
        { docId: null as unknown as string, data: new Uint8Array([2]) },
      ])
      await expect(refused).rejects.toThrow(/NOT NULL/)
      await expect(refused).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_NOTNULL' })
      const none = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates')
      expect(Number(none[0]?.n)).toBe(0)
      await db.docLog!.append([{ docId: 'ok', data: new Uint8Array([3]) }])
      const one = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates')
      expect(Number(one[0]?.n)).toBe(1)
    } finally {
      await db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
