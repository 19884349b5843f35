import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../storage/open.js'
import { GuestSessions } from './guest-session.js'

describe('expired guest sessions', () => {
  it('are swept; live ones stay', async () => {
    const db = await openDb({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fc-guests-')), databaseUrl: undefined })
    try {
      const now = Date.now()
      for (const [id, expiresAt] of [
        ['expired', now - 1],
        ['live', now + 60_000],
      ] as const) {
        await db.query(
          'INSERT INTO workshop_guests (id, session_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)',
          [id, `hash-${id}`, now - 10, expiresAt],
        )
      }
      await new GuestSessions(db, 60_000).sweepExpired(now)
      const left = await db.query<{ id: string }>('SELECT id FROM workshop_guests ORDER BY id')
      expect(left.map((r) => r.id)).toEqual(['live'])
    } finally {
      await db.close()
    }
  })
})
