import type { Queryable } from '../../storage/db.js'

/** The user id the server's own corrections are bound to: never a person, never a change of the claim. */
export const SERVER_USER = '@server'

/**
 * Each Yjs clientID of one document bound to the user whose writable socket first sent
 * structs with it, kept in `doc_clients` so it survives restarts. The map is read once when
 * the room opens and answers synchronously while a transaction is attributed; a new binding is
 * stored at once, and should another instance have stored a different one first, theirs wins.
 */
export class ClientBindings {
  private constructor(
    private readonly db: Queryable,
    readonly docId: string,
    private readonly users: Map<number, string>,
  ) {}

  static async load(db: Queryable, docId: string): Promise<ClientBindings> {
    const rows = await db.query<{ client_id: number | string; user_id: string }>(
      'SELECT client_id, user_id FROM doc_clients WHERE doc_id = $1',
      [docId],
    )
    return new ClientBindings(db, docId, new Map(rows.map((r) => [Number(r.client_id), r.user_id])))
  }

  userOf(clientId: number): string | undefined {
    return this.users.get(clientId)
  }

  has(clientId: number): boolean {
    return this.users.has(clientId)
  }

  /** Binds an unbound clientID now (in memory) and stores it; resolves once stored. */
  async bind(clientId: number, userId: string): Promise<void> {
    if (this.users.has(clientId)) return
    this.users.set(clientId, userId)
    const inserted = await this.db.query(
      'INSERT INTO doc_clients (doc_id, client_id, user_id, bound_at) VALUES ($1, $2, $3, $4) ON CONFLICT (doc_id, client_id) DO NOTHING RETURNING client_id',
      [this.docId, clientId, userId, Date.now()],
    )
    if (inserted.length > 0) return
    const stored = await this.db.query<{ user_id: string }>(
      'SELECT user_id FROM doc_clients WHERE doc_id = $1 AND client_id = $2',
      [this.docId, clientId],
    )
    if (stored[0]) this.users.set(clientId, stored[0].user_id)
  }
}
