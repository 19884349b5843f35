import { Hono } from 'hono';
import type { Db } from '../storage/db.js';
import type { DocStore } from '../storage/doc-store.js';
import { quarantineSummary } from '../storage/quarantine.js';

/**
 * 503 while storage cannot write (a load balancer stops sending new work); `quarantine` counts
 * stored document rows set aside because they no longer decode, for operators (docs/operations.md).
 */
export function healthRoutes({ db, store }: { db: Db; store: DocStore }): Hono {
  const app = new Hono();
  app.get('/api/health', async (c) => {
    if (store.storageFull) return c.json({ ok: false, reason: 'storage-full' }, 503);
    const quarantine = await quarantineSummary(db).catch(() => undefined);
    return c.json(quarantine && quarantine.rows > 0 ? { ok: true, quarantine } : { ok: true });
  });
  return app;
}
