import { ACCESS_REASONS } from '@fc/shared'
import { log } from '../../log.js'
import type { Connection } from '../connection.js'
import type { Room } from '../room.js'
import type { AccessChange } from './access-change.js'
import { type Closing, closingFor } from './access-closes.js'
import { type AccessTarget, setAccess, tellAccess } from './access-notice.js'

/** Kinds this version applies; a newer instance may publish others during a rolling upgrade. */
const KNOWN_KINDS: ReadonlySet<string> = new Set<AccessChange['kind']>([
  'member',
  'credential',
  'workshop-revealed',
  'workshop-ended',
  'copies-deleted',
])

/** Changes remembered for sockets still being admitted (admission.ts); far more than can land in one admission. */
const RECENT_CHANGES = 64

/** What the applier needs of the rooms (rooms.ts): it reads them, the registry closes and discards. */
export interface AccessRooms {
  readonly openRooms: ReadonlyMap<string, Room>
  /** Storage takes no writes now (disk full). */
  storageFull(): boolean
  /** Closes every socket `closing` gives a reason for (each leaves its room). */
  closeEach(closing: (conn: Connection, room: Room) => Closing | undefined): void
  /** An open document is about to be deleted: nothing of it is written back when it unloads. */
  discard(docId: string): void
}

/**
 * Access changes applied to the sockets already in rooms on this instance, and the
 * bookkeeping (epoch, recent changes) that lets a socket still being admitted catch up
 * (admission.ts). The registry (rooms.ts) owns the rooms and delegates here.
 */
export class AccessApplier {
  private epoch = 0
  /** The last few changes with the epoch each moved to, oldest first. */
  private readonly recent: Array<{ epoch: number; change: AccessChange }> = []

  constructor(private readonly rooms: AccessRooms) {}

  /**
   * Moves on every access change applied here. applyAccess reaches only sockets already in
   * a room: one the gate let in before a change but that joins after it compares epochs
   * and asks the gate again (admission.ts).
   */
  get accessEpoch(): number {
    return this.epoch
  }

  /**
   * A removed member's sockets close at once (4403), a revoked credential's too (4401);
   * a changed role takes effect on the next frame, and the member's open sockets are told
   * (docs/api.md, "Access changes"), so an open editor can follow instead of typing into the void.
   * Which sockets a change closes, and with which words, is access-closes.ts.
   */
  applyAccess(change: AccessChange): void {
    // Moved even for a change not understood here: sockets being let in ask the gate again,
    // which reads the truth from the database whatever the change was.
    this.epoch++
    if (!KNOWN_KINDS.has(change.kind)) {
      log('ignored an access change of a kind this version does not know', { kind: String(change.kind) })
      return
    }
    this.recent.push({ epoch: this.epoch, change })
    if (this.recent.length > RECENT_CHANGES) this.recent.shift()
    if (change.kind === 'workshop-revealed')
      return this.lockParticipants(change.workshopId, ACCESS_REASONS.workshopRevealed)
    if (change.kind === 'workshop-ended') return this.lockParticipants(change.workshopId, ACCESS_REASONS.workshopEnded)
    // Deleted documents: nothing of them is written back when their sockets leave.
    if (change.kind === 'copies-deleted') for (const docId of change.docIds) this.rooms.discard(docId)
    this.rooms.closeEach((conn, room) => closingFor(change, conn, room.docId))
    if (change.kind === 'member' && change.canWrite !== null) {
      const { workspaceId, userId, canWrite, role } = change
      const theirs = (conn: Connection) => conn.access.userId === userId && conn.access.workspaceId === workspaceId
      const targets = this.collect(theirs)
      setAccess(targets, role === undefined ? { canWrite } : { canWrite, role })
      // Promoted while storage is full: they may write once it has space, not before.
      if (canWrite && this.rooms.storageFull()) this.tellStorageFull(targets)
    }
  }

  /**
   * How the changes applied after `epoch` would have closed this socket, had it been in its
   * room then (the newest that closes it), or undefined: none did (or none still remembered).
   */
  closingSince(epoch: number, conn: Connection, docId: string): Closing | undefined {
    for (let i = this.recent.length - 1; i >= 0 && this.recent[i]!.epoch > epoch; i--) {
      const closing = closingFor(this.recent[i]!.change, conn, docId)
      if (closing) return closing
    }
    return undefined
  }

  /**
   * Storage stopped (disk full) or resumed taking writes: every socket that may write is told
   * it cannot, or can again; its permission itself is unchanged. Resuming sends sync step 1
   * too, so what such a socket typed meanwhile (dropped, still in its history) is sent again.
   */
  storageWritable(writable: boolean): void {
    const targets = this.collect((conn) => conn.access.canWrite)
    if (writable)
      tellAccess(
        targets.map((t) => ({ ...t, couldWrite: false })),
        { canWrite: true },
      )
    else this.tellStorageFull(targets)
  }

  /** Sockets that may write, told they cannot while storage is full (their permission is kept). */
  tellStorageFull(targets: readonly AccessTarget[]): void {
    tellAccess(
      targets.map((t) => ({ ...t, couldWrite: true })),
      { canWrite: false, reason: ACCESS_REASONS.storageFull },
    )
  }

  /**
   * The reveal and the end time make answers final: the workshop's participants' sockets stop
   * writing and are told why (a trainer's socket keeps its rights, it may still leave a note).
   * A reveal after the end is told to sockets the end already locked too, so their screen
   * learns that results are out; the end never repeats itself to a locked socket.
   */
  private lockParticipants(workshopId: string, reason: string): void {
    const affected = this.collect(
      (conn) =>
        conn.access.workshopId === workshopId &&
        (conn.access.canWrite || (reason === ACCESS_REASONS.workshopRevealed && conn.access.lockedFor !== reason)),
    )
    setAccess(affected, { canWrite: false, reason })
    for (const { conn } of affected) conn.access.lockedFor = reason
  }

  /** Sockets in rooms matching a predicate, each with its permission before any is changed. */
  private collect(match: (conn: Connection) => boolean): AccessTarget[] {
    const targets: AccessTarget[] = []
    for (const room of this.rooms.openRooms.values()) {
      for (const conn of room.conns) if (match(conn)) targets.push({ room, conn, couldWrite: conn.access.canWrite })
    }
    return targets
  }
}
