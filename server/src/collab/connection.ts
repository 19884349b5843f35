import type { HeldUpdates } from './held-updates.js'

/** What the permission gate decided for one socket. */
export interface Access {
  canWrite: boolean
  /** The signed-in user (absent for anonymous access before accounts). */
  userId?: string
  /** The workspace the document belongs to, so a removed member's sockets can be found. */
  workspaceId?: string
  /** The session or token the socket was opened with, so logging out or revoking closes it. */
  credentialId?: string
  /** Set for a workshop participant on their own copy: that workshop's reveal locks exactly these sockets. */
  workshopId?: string
  /** Why that participant's copy is locked (the end, then perhaps the reveal), once it is. */
  lockedFor?: string
  /**
   * Set for a trainer on a participant's copy who trains that workshop by their role alone
   * (not its creator): a role change that ends it closes these sockets, as the gate would refuse them.
   */
  trainerByRole?: true
}

/** The transport under a connection: a websocket in production, anything in tests. */
export interface Peer {
  /** One whole y-websocket message; the same object may go to many peers (a broadcast). */
  sendMessage(message: Uint8Array): void
  close(code: number, reason: string): void
}

/** One socket in one room. Kept small: memory per connection is a benchmark target. */
export class Connection {
  /**
   * Awareness client ids this socket introduced, removed when it leaves. Created
   * on first use: many sockets (bots, dashboards) never send presence.
   */
  awarenessIds: Set<number> | undefined
  /**
   * Client ids this socket sent a presence state for, applied or not (a reconnecting stock client
   * resends its state with a clock the server already saw, which awareness ignores): the ids it
   * says are its own, which attribution may bind to its user (collab/attribution). At most
   * PRESENCE_IDS_PER_SOCKET; created on first use.
   */
  announcedIds: Set<number> | undefined
  /** Presence ids this socket introduced over its life (PRESENCE_IDS_PER_SOCKET bounds it). */
  presenceIds = 0
  /** Its updates that wait on structs the document lacks; created on first use (held-updates.ts). */
  held: HeldUpdates | undefined
  closed = false

  constructor(
    readonly peer: Peer,
    readonly access: Access,
  ) {}

  send(frame: Uint8Array): void {
    if (!this.closed) this.peer.sendMessage(frame)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.peer.close(code, reason)
  }
}
