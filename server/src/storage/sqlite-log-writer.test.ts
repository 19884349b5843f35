import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openDb } from './open.js';
import { openSqlite } from './sqlite.js';

describe('embedded store document log, written off the event loop', () => {
  it('a compaction folds exactly what was appended before it; an append arriving mid-merge stays in the log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-log-'));
    const db = await openDb({ dataDir: dir, databaseUrl: undefined });
    const docLog = db.docLog!;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    try {
      // Enough rows that the merge yields to queued messages (the later append runs mid-merge).
      for (let i = 0; i < 120; i++) doc.getArray<string>('items').push([`item ${i}`]);
      const before = updates.splice(0);
      for (let i = 120; i < 130; i++) doc.getArray<string>('items').push([`item ${i}`]);
      const after = updates.splice(0);
      // Posted back to back without waiting: the later rows must survive the compaction.
      await Promise.all([
        docLog.append(before.map((data) => ({ docId: 'd', data }))),
        docLog.compact('d'),
        docLog.append(after.map((data) => ({ docId: 'd', data }))),
      ]);
      const left = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['d']);
      expect(Number(left[0]?.n)).toBe(10);
      const snapshot = await db.query<{ snapshot: Uint8Array }>('SELECT snapshot FROM doc_snapshots WHERE doc_id = $1', ['d']);
      const folded = new Y.Doc();
      Y.applyUpdate(folded, snapshot[0]!.snapshot);
      expect(folded.getArray('items').length).toBe(120);
      const rows = await db.query<{ data: Uint8Array }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', ['d']);
      for (const row of rows) Y.applyUpdate(folded, row.data);
      expect(folded.getArray('items').toArray()).toEqual(doc.getArray('items').toArray());
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a write it cannot commit, and keeps working afterwards', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-log-'));
    const db = await openDb({ dataDir: dir, databaseUrl: undefined });
    try {
      // A NULL doc_id violates the schema: the whole batch rolls back, the caller hears why.
      await expect(db.docLog!.append([{ docId: 'ok', data: new Uint8Array([1]) }, { docId: null as unknown as string, data: new Uint8Array([2]) }])).rejects.toThrow(/NOT NULL/);
      const none = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates');
      expect(Number(none[0]?.n)).toBe(0);
      await db.docLog!.append([{ docId: 'ok', data: new Uint8Array([3]) }]);
      const one = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates');
      expect(Number(one[0]?.n)).toBe(1);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded store WAL checkpoints', () => {
  it('happen off the commit path: committed pages reach the database file without a checkpoint in any commit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-ckpt-'));
    const db = openSqlite(dir);
    try {
      await db.query('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)');
      const mainFile = path.join(dir, 'factcheck.sqlite3');
      const before = fs.statSync(mainFile).size;
      for (let i = 0; i < 1200; i++) await db.query('INSERT INTO t (data) VALUES ($1)', [new Uint8Array(4096).fill(i)]);
      // Past SQLite's 1,000-page autocheckpoint, yet autocheckpoint is off on the server's
      // connection: the rows are only in the WAL so far.
      expect(fs.statSync(mainFile).size).toBe(before);
      // A PASSIVE checkpoint copies what it can each round; within a few rounds it is all there.
      const copied = before + 1200 * 4096;
      const deadline = Date.now() + 10_000;
      while (fs.statSync(mainFile).size <= copied && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(fs.statSync(mainFile).size).toBeGreaterThan(copied);
      const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM t');
      expect(rows[0]?.n).toBe(1200);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('lets a process that closes the store at top level exit normally', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-ckpt-'));
    const sqlite = new URL('./sqlite.ts', import.meta.url).href;
    // Nothing else keeps this process alive while close() waits for the worker (exit 13 if it did not).
    const code = `const { openSqlite } = await import(${JSON.stringify(sqlite)}); const db = openSqlite(${JSON.stringify(dir)}); await db.query('SELECT 1'); await db.close(); console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 20_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  }, 30_000);
});
