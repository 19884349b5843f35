import { Hono } from 'hono'
import type { DocStore } from '../storage/doc-store.js'

/**
 * 503 while storage cannot write (a load balancer stops sending new work); `quarantine` counts
 * stored document rows set aside because they no longer decode, for operators (docs/operations.md).
 * Answered from memory: a health check must not wait on the database.
 */
export function healthRoutes(store: DocStore): Hono {
  const app = new Hono()
  app.get('/api/health', (c) => {
    if (store.storageFull) return c.json({ ok: false, reason: 'storage-full' }, 503)
    const quarantine = store.quarantined()
    return c.json(quarantine.rows > 0 ? { ok: true, quarantine } : { ok: true })
  })
  return app
}
