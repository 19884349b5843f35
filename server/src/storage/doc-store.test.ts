import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SqlDocStore } from './doc-store.js';
import { openDb } from './open.js';

describe('compacting an open document (single instance)', () => {
  it('folds every logged row into the snapshot and removes them all, with nothing lost', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-store-'));
    const db = await openDb({ dataDir: dir, databaseUrl: undefined });
    const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000 });
    const live = new Y.Doc();
    store.liveDoc = () => live;
    live.on('update', (update: Uint8Array) => store.appendUpdate('doc-1', update));
    try {
      // More rows than several delete batches, and a deletion (which a state vector would not show).
      for (let i = 0; i < 350; i++) live.getArray<string>('items').push([`item ${i}`]);
      live.getText('t').insert(0, 'keep this, drop that');
      live.getText('t').delete(10, 10);
      await store.flush();
      const logged = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['doc-1']);
      expect(Number(logged[0]?.n)).toBe(352);

      await store.compact('doc-1');
      const left = await db.query<{ n: number }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', ['doc-1']);
      expect(Number(left[0]?.n)).toBe(0);

      const loaded = new Y.Doc();
      for (const update of await store.load('doc-1')) Y.applyUpdate(loaded, update);
      expect(loaded.getArray('items').length).toBe(350);
      expect(loaded.getText('t').toString()).toBe('keep this,');
    } finally {
      await store.close();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a load racing a compaction sees either the old log or the new snapshot, never neither', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-store-'));
    const db = await openDb({ dataDir: dir, databaseUrl: undefined });
    const store = new SqlDocStore(db, { groupCommitMs: 5, compactAfterUpdates: 1_000_000 });
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => store.appendUpdate('doc-2', update));
    try {
      for (let i = 0; i < 40; i++) doc.getArray<string>('items').push([`item ${i}`]);
      await store.flush();
      // No live document: compaction folds and deletes in one transaction, queued on the
      // store's connection right behind the load's first read.
      const loading = store.load('doc-2');
      const compacting = store.compact('doc-2');
      const loaded = new Y.Doc();
      for (const update of await loading) Y.applyUpdate(loaded, update);
      await compacting;
      expect(loaded.getArray('items').length).toBe(40);
    } finally {
      await store.close();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
