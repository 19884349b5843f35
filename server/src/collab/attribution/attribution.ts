import { bodyFragment, claimsMap, refreshClaimQuotes } from '@fc/shared'
import type * as Y from 'yjs'
import { log } from '../../log.js'
import type { Queryable } from '../../storage/db.js'
import { Connection } from '../connection.js'
import { REMOTE_ORIGIN, type Room } from '../room.js'
import {
  AUTHOR_FIELD,
  diffClaims,
  type ItemKind,
  type RawClaimChange,
  type ResolveShot,
  snapshotClaims,
  type ClaimsSnapshot,
  NO_CLAIMS,
  type TrackedField,
} from './claims-snapshot.js'
import { ClientBindings, SERVER_USER } from './client-bindings.js'

/** One attributed change of a claim, as applied to a room. */
export type ClaimChange =
  | { kind: 'added' | 'removed'; claimId: string }
  | { kind: 'field'; claimId: string; field: TrackedField; before?: string; after?: string }
  | { kind: 'evidence-added' | 'evidence-removed' | 'evidence-changed'; claimId: string; evidenceId: string }
  | { kind: 'comment-added' | 'comment-removed' | 'comment-changed'; claimId: string; commentId: string }

/**
 * The changes one socket's update made, grouped by the user they are attributed to (an update
 * relayed from other clients may carry several people's work). `userId` is absent when the
 * creating clientID was never bound to anyone (structs relayed before their author was seen).
 */
export interface ClaimChangeEvent {
  docId: string
  articleId?: string
  userId?: string
  at: string
  changes: ClaimChange[]
  /** The update also changed the article's body text. */
  bodyChanged: boolean
}

export type ClaimChangeListener = (event: ClaimChangeEvent) => void | Promise<void>

/**
 * Whether `userId` may resolve or reopen a thread started by `threadAuthor` in a document of
 * `articleId` (undefined: not an article, e.g. a workshop copy, where its one writer may).
 */
export type ResolvePolicy = (
  articleId: string | undefined,
  userId: string,
  threadAuthor: string | undefined,
) => Promise<boolean>

/** Origin of the server's authorship corrections: stored and relayed like a socket's update, attributed to nobody. */
export const CORRECTION_ORIGIN = Symbol('attribution-correction')

/**
 * Origin of the server's quote updates after an edit of the body (quotes follow the text): stored
 * and relayed like a socket's update, and the quote changes it makes are the editor's, so an
 * approved claim whose words were edited goes back to review like any other change of it.
 */
export class QuoteFollow {
  /** `userId` undefined: a second look after another instance's edit, credited to nobody. */
  constructor(readonly userId: string | undefined) {}
}

/** How long after the last body edit in a room its claims' quotes are brought up to date. */
export const QUOTE_FOLLOW_MS = 250

interface RoomState {
  bindings: ClientBindings
  articleId: string | undefined
  snapshot: ClaimsSnapshot
  claimsTouched: boolean
  bodyTouched: boolean
  /** Storing, correcting and telling listeners run in order, one room at a time. */
  chain: Promise<void>
  /** A quote update owed after a body edit: who edited last, and the timer that will do it. */
  quotesOwed: { userId: string | undefined; timer: ReturnType<typeof setTimeout> } | undefined
  off(): void
}

/**
 * Who did what, from who sent it (docs/architecture.md, "Attribution"): binds clientIDs to the
 * users of the writable sockets that first sent them, attributes every claim change to the
 * user bound to the clientID that made it, records who created each claim, evidence entry and
 * comment, corrects a forged authorship field in the update that creates the item, and tells
 * listeners (review state, history) the attributed changes of every socket update.
 */
export class Attribution {
  private readonly listeners = new Set<ClaimChangeListener>()
  private readonly rooms = new Map<Room, RoomState>()

  constructor(
    private readonly db: Queryable,
    /** The article a document belongs to, if any (workshop copies have none). */
    private readonly articleOf: (docId: string) => Promise<string | undefined> = async () => undefined,
    /** Who may resolve a thread (docs/api.md, "Threads"); anyone who can write when not given. */
    private readonly mayResolve: ResolvePolicy = async () => true,
  ) {}

  /** Registers a listener of attributed claim changes; returns the function that removes it. */
  onClaimChanges(listener: ClaimChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called before the room loads: bindings read, observers in place, so the load sets the first snapshot. */
  async attach(room: Room): Promise<void> {
    const [bindings, articleId] = await Promise.all([
      ClientBindings.load(this.db, room.docId),
      this.articleOf(room.docId),
    ])
    const doc = room.doc
    const state: RoomState = {
      bindings,
      articleId,
      snapshot: NO_CLAIMS,
      claimsTouched: false,
      bodyTouched: false,
      chain: Promise.resolve(),
      quotesOwed: undefined,
      off: () => undefined,
    }
    const onClaims = () => (state.claimsTouched = true)
    const onBody = () => (state.bodyTouched = true)
    const afterTransaction = (tr: Y.Transaction) => this.afterTransaction(room, state, tr)
    claimsMap(doc).observeDeep(onClaims)
    bodyFragment(doc).observeDeep(onBody)
    doc.on('afterTransaction', afterTransaction)
    state.off = () => {
      claimsMap(doc).unobserveDeep(onClaims)
      bodyFragment(doc).unobserveDeep(onBody)
      doc.off('afterTransaction', afterTransaction)
    }
    this.rooms.set(room, state)
  }

  /** The room unloads: what it still has to store or correct is done first. */
  async detach(room: Room): Promise<void> {
    const state = this.rooms.get(room)
    if (!state) return
    // What the last edits owe the quotes is written before the room goes (and so stored with it).
    if (state.quotesOwed) {
      clearTimeout(state.quotesOwed.timer)
      this.followQuotes(room, state, state.quotesOwed.userId)
    }
    await state.chain
    state.off()
    this.rooms.delete(room)
  }

  /** Resolves once every open room's pending work (bindings, records, corrections, listeners) is done. */
  async settled(): Promise<void> {
    await Promise.all(Array.from(this.rooms.values(), (s) => s.chain))
  }

  private afterTransaction(room: Room, state: RoomState, tr: Y.Transaction): void {
    const conn = tr.origin instanceof Connection ? tr.origin : undefined
    const follow = tr.origin instanceof QuoteFollow ? tr.origin : undefined
    const userId = conn?.access.canWrite ? conn.access.userId : undefined
    if (conn && userId) this.bindNewClients(room, state, tr, conn, userId)
    const bodyChanged = state.bodyTouched
    state.bodyTouched = false
    // The instance that received the edit follows it up, credited to its sender. Another instance
    // looks again too: when two instances each took an edit at once, each refreshed from its own
    // half, and only the merged state gives the right words (it writes only what is still stale).
    if (conn && userId && bodyChanged) this.oweQuotes(room, state, userId)
    else if (bodyChanged && tr.origin === REMOTE_ORIGIN && !state.quotesOwed) this.oweQuotes(room, state, undefined)
    if (!state.claimsTouched) return
    state.claimsTouched = false
    const next = snapshotClaims(room.doc)
    const raw = conn || follow ? diffClaims(state.snapshot, next) : []
    state.snapshot = next
    if (follow) {
      if (raw.length > 0) this.tell(room, state, [{ userId: follow.userId, changes: raw.map(plainChange) }], false)
      return
    }
    if (!conn || (raw.length === 0 && !bodyChanged)) return
    const groups = this.attribute(state, raw, userId)
    this.recordCreations(room, state, raw)
    this.guardResolves(room, state, raw)
    this.tell(room, state, groups, bodyChanged)
  }

  private oweQuotes(room: Room, state: RoomState, userId: string | undefined): void {
    if (state.quotesOwed) clearTimeout(state.quotesOwed.timer)
    // The second look waits longer, so the receiving instance's own update is normally here first.
    const timer = setTimeout(
      () => this.followQuotes(room, state, userId),
      userId === undefined ? 4 * QUOTE_FOLLOW_MS : QUOTE_FOLLOW_MS,
    )
    timer.unref?.()
    state.quotesOwed = { userId, timer }
  }

  /** Brings the claims' quotes up to date with the body (shared refreshClaimQuotes), as the server. */
  private followQuotes(room: Room, state: RoomState, userId: string | undefined): void {
    state.quotesOwed = undefined
    this.enqueue(state, () =>
      writeAsServer(
        room,
        state,
        () => !room.discarded,
        () => refreshClaimQuotes(room.doc, new QuoteFollow(userId)),
      ),
    )
  }

  /**
   * Structs this transaction integrated, by clientID. An unbound clientID goes to the socket's
   * user when it is the socket's own: an id it sent a presence state for (a stock client's awareness
   * id is its doc's clientID, sent as it connects), or, for a socket that announced none, any id of
   * an ordinary update.
   * A sync step 2 (room.relaying) may carry other clients' structs (after a restart or failover):
   * those are never bound to the socket that relayed them.
   */
  private bindNewClients(room: Room, state: RoomState, tr: Y.Transaction, conn: Connection, userId: string): void {
    const announced = conn.announcedIds !== undefined && conn.announcedIds.size > 0
    for (const [client, clock] of tr.afterState) {
      if (clock <= (tr.beforeState.get(client) ?? 0) || state.bindings.has(client)) continue
      const own = announced ? conn.announcedIds!.has(client) : room.relaying !== conn
      if (!own) continue
      // Bound in memory at once (this transaction's changes are attributed with it), stored in order.
      const stored = state.bindings.bind(client, userId)
      this.enqueue(state, () => stored)
    }
  }

  private attribute(
    state: RoomState,
    raw: RawClaimChange[],
    sender: string | undefined,
  ): Array<{ userId: string | undefined; changes: ClaimChange[] }> {
    const byUser = new Map<string | undefined, ClaimChange[]>()
    for (const change of raw) {
      const userId = change.client === undefined ? sender : state.bindings.userOf(change.client)
      if (userId === SERVER_USER) continue
      let list = byUser.get(userId)
      if (!list) byUser.set(userId, (list = []))
      list.push(plainChange(change))
    }
    return Array.from(byUser, ([userId, changes]) => ({ userId, changes }))
  }

  /**
   * The first creation of a claim, evidence entry or comment is recorded with its author (the user
   * bound to the creating clientID); a differing authorship field in it is set right by a
   * follow-up update from the server's own clientID. A re-creation under a known id (undo,
   * restore) is no creation: it is neither recorded again nor corrected.
   */
  private recordCreations(room: Room, state: RoomState, raw: RawClaimChange[]): void {
    for (const change of raw) {
      const kind: ItemKind | undefined =
        change.kind === 'added'
          ? 'claim'
          : change.kind === 'evidence-added'
            ? 'evidence'
            : change.kind === 'comment-added'
              ? 'comment'
              : undefined
      if (!kind || change.client === undefined || !('map' in change) || !change.map) continue
      const author = state.bindings.userOf(change.client)
      if (!author || author === SERVER_USER) continue
      const map = change.map
      const itemId =
        kind === 'claim'
          ? change.claimId
          : 'evidenceId' in change
            ? change.evidenceId
            : (change as { commentId: string }).commentId
      this.enqueue(state, async () => {
        const fresh = await this.db.query(
          `INSERT INTO doc_items (doc_id, kind, item_id, claim_id, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (doc_id, kind, item_id) DO NOTHING RETURNING item_id`,
          [room.docId, kind, itemId, change.claimId, author, Date.now()],
        )
        if (fresh.length === 0) return
        const field = AUTHOR_FIELD[kind]
        await writeAsServer(
          room,
          state,
          () => map.get(field) !== author && map._item !== null && !map._item.deleted && !room.discarded,
          () => room.doc.transact(() => map.set(field, author), CORRECTION_ORIGIN),
        )
      })
    }
  }

  /**
   * A thread resolved or reopened: `resolvedBy` is set to the user bound to the clientID that wrote
   * `resolved` (never what the client claims), and a resolve by someone the policy refuses (not
   * the thread's author, not an editor) is undone, both by follow-up updates from the server's own
   * clientID. Only while the field is still as that write left it: a later write is judged on its own.
   */
  private guardResolves(room: Room, state: RoomState, raw: RawClaimChange[]): void {
    for (const change of raw) {
      if (change.kind !== 'comment-changed' || !change.resolve || !change.map) continue
      const { before, after } = change.resolve
      const map = change.map
      const resolver = after.client === undefined ? undefined : state.bindings.userOf(after.client)
      if (!resolver || resolver === SERVER_USER) continue
      this.enqueue(state, async () => {
        const threadAuthor =
          (await itemAuthor(this.db, room.docId, 'comment', change.commentId)) ??
          (typeof map.get('author') === 'string' ? (map.get('author') as string) : undefined)
        const allowed = await this.mayResolve(state.articleId, resolver, threadAuthor)
        const unchanged = () =>
          !room.discarded && !!map._item && !map._item.deleted && map._map.get('resolved')?.id.client === after.client
        if (allowed && map.get('resolvedBy') === resolver) return
        await writeAsServer(room, state, unchanged, () =>
          room.doc.transact(() => {
            if (allowed) map.set('resolvedBy', resolver)
            else restoreResolve(map, before)
          }, CORRECTION_ORIGIN),
        )
      })
    }
  }

  private tell(
    room: Room,
    state: RoomState,
    groups: Array<{ userId: string | undefined; changes: ClaimChange[] }>,
    bodyChanged: boolean,
  ): void {
    if (this.listeners.size === 0) return
    const at = new Date().toISOString()
    this.enqueue(state, async () => {
      for (const { userId, changes } of groups) {
        const event: ClaimChangeEvent = { docId: room.docId, at, changes, bodyChanged }
        if (state.articleId) event.articleId = state.articleId
        if (userId !== undefined) event.userId = userId
        for (const listener of this.listeners) await listener(event)
      }
    })
  }

  private enqueue(state: RoomState, job: () => Promise<void>): void {
    state.chain = state.chain
      .then(job)
      .catch((err: unknown) =>
        log('attribution step failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      )
  }
}

/** Who created an item (claim, evidence entry, comment) of a document, by the server's record. */
export async function itemAuthor(
  db: Queryable,
  docId: string,
  kind: ItemKind,
  itemId: string,
): Promise<string | undefined> {
  const rows = await db.query<{ user_id: string }>(
    'SELECT user_id FROM doc_items WHERE doc_id = $1 AND kind = $2 AND item_id = $3',
    [docId, kind, itemId],
  )
  return rows[0]?.user_id
}

/** Puts a thread's resolve fields back as they were before a refused write. */
function restoreResolve(map: Y.Map<unknown>, before: ResolveShot): void {
  const fields = { resolved: before.resolved, resolvedBy: before.resolvedBy, resolvedAt: before.resolvedAt }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) map.delete(key)
    else map.set(key, value)
  }
}

/**
 * A write from the server's own clientID (a correction, the quote follow-up, a refused resolve undone), bound to the server
 * first so no socket that relays the structs later becomes their author. The bind waits on
 * storage, so whether the write is still wanted is asked before it and again after it.
 */
async function writeAsServer(room: Room, state: RoomState, wanted: () => boolean, write: () => void): Promise<void> {
  if (!wanted()) return
  await state.bindings.bind(room.doc.clientID, SERVER_USER)
  if (wanted()) write()
}

/** A raw change without the Yjs details (the struct's clientID and the item's map). */
function plainChange(change: RawClaimChange): ClaimChange {
  const {
    client: _client,
    map: _map,
    resolve: _resolve,
    ...plain
  } = change as RawClaimChange & { map?: unknown; resolve?: unknown }
  return plain as ClaimChange
}
