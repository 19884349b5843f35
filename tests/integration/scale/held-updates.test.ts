import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, sleep, waitFor } from '../support/clients.js';
import { syncFrame } from '../support/frames.js';
import { freshDatabase, postgresReachable, type FreshDatabase } from '../support/postgres.js';
import { openRawSocket } from '../support/raw-socket.js';
import { TEST_REDIS_URL, redisReachable } from '../support/redis.js';
import { startServer } from '../support/server.js';
import { writableDoc } from '../support/session.js';

const missing = [(await postgresReachable()) ? undefined : 'PostgreSQL', (await redisReachable()) ? undefined : 'Redis'].filter(Boolean);
if (missing.length > 0) {
  console.warn(`[integration] scale-out held-update test SKIPPED: ${missing.join(' and ')} not reachable on 127.0.0.1.`);
}

describe.skipIf(missing.length > 0)('a socket update waiting on structs another instance stored (PostgreSQL + Redis)', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is held, not lost: the instance re-reads storage and the update integrates', async () => {
    const server = await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL } });
    try {
      const { docId, params, token } = await writableDoc(server);
      const reader = connectClient(server, docId, params);
      await reader.synced;
      // Past the room's own storage re-reads after opening (150 ms, 1 s, 5 s).
      await sleep(5500);

      const writer = new Y.Doc();
      const updates: Uint8Array[] = [];
      writer.on('update', (u: Uint8Array) => updates.push(u));
      writer.getText('t').insert(0, 'stored elsewhere;');
      writer.getText('t').insert(writer.getText('t').length, ' sent here');
      // The first as another instance committed it whose Redis message this one missed.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2)', [docId, Buffer.from(updates[0]!)]);
      await client.end();

      const raw = await openRawSocket(`${server.wsUrl}/${docId}?token=${token}`);
      raw.ws.send(syncFrame(2, updates[1]!));
      await waitFor(() => reader.doc.getText('t').toString() === 'stored elsewhere; sent here', 5000, 'the held update to integrate');
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      raw.ws.close();
      reader.destroy();
    } finally {
      await server.stop();
    }
  });
});
