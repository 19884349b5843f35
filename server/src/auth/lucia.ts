import { type Adapter, type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from 'lucia'
import type { Db } from '../storage/db.js'
import { ignoreStorageFull } from '../storage/storage-errors.js'

export const SESSION_COOKIE = 'fc_session'

interface SessionRow {
  id: string
  user_id: string
  expires_at: number
}

/** Lucia v3 adapter over our one SQL seam: sessions and users live with everything else. */
export class DbSessionAdapter implements Adapter {
  constructor(private readonly db: Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const rows = await this.db.query<SessionRow & { email: string; name: string }>(
      `SELECT s.id, s.user_id, s.expires_at, u.email, u.name
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId],
    )
    const row = rows[0]
    if (!row) return [null, null]
    return [toSession(row), { id: row.user_id, attributes: { email: row.email, name: row.name } }]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.query<SessionRow>('SELECT id, user_id, expires_at FROM sessions WHERE user_id = $1', [
      userId,
    ])
    return rows.map(toSession)
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)', [
      session.id,
      session.userId,
      session.expiresAt.getTime(),
    ])
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    // With the disk full the session keeps its old expiry (extended on a later request):
    // signed-in reads and read-only sockets must keep working meanwhile.
    await this.db
      .query('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt.getTime(), sessionId])
      .catch(ignoreStorageFull)
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id = $1', [sessionId])
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE user_id = $1', [userId])
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [Date.now()])
  }
}

function toSession(row: SessionRow): DatabaseSession {
  return { id: row.id, userId: row.user_id, expiresAt: new Date(Number(row.expires_at)), attributes: {} }
}

export function createLucia(db: Db, sessionDays: number) {
  return new Lucia(new DbSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(sessionDays, 'd'),
    sessionCookie: {
      name: SESSION_COOKIE,
      // `secure` is decided per request (HTTPS or X-Forwarded-Proto: https), see auth/cookies.ts.
      attributes: { sameSite: 'lax', secure: false, path: '/' },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name }),
  })
}

export type AppLucia = ReturnType<typeof createLucia>

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia
    DatabaseUserAttributes: { email: string; name: string }
  }
}
