import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addClaim, addComment, addEvidence, claimsMap, readClaim, setVerdict } from '@fc/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Db } from '../../storage/db.js'
import { runMigrations } from '../../storage/migrations/runner.js'
import { openSqlite } from '../../storage/sqlite.js'
import { Connection } from '../connection.js'
import { Room } from '../room.js'
import { RecordingPeer } from '../test-doubles.testing.js'
import { Attribution, type ClaimChangeEvent } from './attribution.js'

const LIMITS = { pendingUpdates: 50, pendingBytes: 1 << 20, presenceIds: 16 }
const opened: { db: Db; dir: string }[] = []
afterEach(async () => {
  for (const { db, dir } of opened.splice(0)) {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

async function setup(docId = 'doc-1') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-attr-'))
  const db = openSqlite(dir)
  opened.push({ db, dir })
  await runMigrations(db)
  const attribution = new Attribution(db, async () => 'article-1')
  const events: ClaimChangeEvent[] = []
  attribution.onClaimChanges((e) => void events.push(e))
  const stored: Uint8Array[] = []
  const room = new Room(docId, { onLocalUpdate: (_d, u) => stored.push(u) }, LIMITS)
  await attribution.attach(room)
  return { db, attribution, events, room, stored }
}

/** A socket of `userId` whose client announced `doc.clientID` in presence, as a stock client does. */
function socketOf(room: Room, userId: string, doc: Y.Doc): Connection {
  const conn = new Connection(new RecordingPeer(), { canWrite: true, userId })
  conn.announcedIds = new Set([doc.clientID])
  room.add(conn)
  return conn
}

/** What `edit` does to `doc`, as one update. */
function updateOf(doc: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  edit()
  return Y.encodeStateAsUpdate(doc, before)
}

describe('attribution: who did what is the server’s word', () => {
  it('attributes a claim to the user of the socket that sent it and records its creation', async () => {
    const { db, attribution, events, room } = await setup()
    const alice = new Y.Doc()
    const conn = socketOf(room, 'alice', alice)
    let claimId = ''
    room.receive(conn, {
      kind: 'update',
      update: updateOf(alice, () => (claimId = addClaim(alice, { quote: 'forty percent', createdBy: 'alice' }))),
    })
    await attribution.settled()
    expect(events).toEqual([
      {
        docId: 'doc-1',
        articleId: 'article-1',
        userId: 'alice',
        at: expect.any(String),
        bodyChanged: false,
        changes: [{ kind: 'added', claimId }],
      },
    ])
    expect(await db.query('SELECT kind, item_id, user_id FROM doc_items')).toEqual([
      { kind: 'claim', item_id: claimId, user_id: 'alice' },
    ])
    expect(await db.query('SELECT client_id, user_id FROM doc_clients')).toEqual([
      { client_id: alice.clientID, user_id: 'alice' },
    ])
  })

  it('corrects forged createdBy, addedBy and author in a follow-up update that is no change of the claim', async () => {
    const { attribution, events, room, stored } = await setup()
    const mallory = new Y.Doc()
    const conn = socketOf(room, 'mallory', mallory)
    let claimId = ''
    room.receive(conn, {
      kind: 'update',
      update: updateOf(mallory, () => {
        claimId = addClaim(mallory, { quote: 'forty percent', createdBy: 'alice' })
        addEvidence(mallory, claimId, {
          url: 'https://example.org',
          title: 'Source',
          stance: 'supports',
          addedBy: 'alice',
        })
        addComment(mallory, claimId, { author: 'alice', text: 'mine' })
      }),
    })
    await attribution.settled()
    const claim = readClaim(room.doc, claimId)!
    expect(claim.createdBy).toBe('mallory')
    expect(claim.evidence[0]!.addedBy).toBe('mallory')
    expect(claim.comments[0]!.author).toBe('mallory')
    // Stored like any local update, so every client and storage converge on it.
    const copy = new Y.Doc()
    for (const u of stored) Y.applyUpdate(copy, u)
    expect(readClaim(copy, claimId)!.createdBy).toBe('mallory')
    expect(events).toHaveLength(1)
    expect(events[0]!.changes.map((c) => c.kind)).toEqual(['added', 'evidence-added', 'comment-added'])
  })

  it('a later edit of an authorship field is not corrected, and a re-created claim keeps its first author', async () => {
    const { db, attribution, room } = await setup()
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    const a = socketOf(room, 'alice', alice)
    const b = socketOf(room, 'bob', bob)
    let claimId = ''
    room.receive(a, {
      kind: 'update',
      update: updateOf(alice, () => (claimId = addClaim(alice, { quote: 'q', createdBy: 'alice' }))),
    })
    await attribution.settled()
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(room.doc))
    // Bob re-creates the claim under its id (as an undo or a restore does): no new creation, no correction.
    room.receive(b, {
      kind: 'update',
      update: updateOf(bob, () => {
        const map = new Y.Map<unknown>()
        map.set('id', claimId)
        map.set('quote', 'q')
        map.set('createdBy', 'alice')
        claimsMap(bob).set(claimId, map)
      }),
    })
    await attribution.settled()
    expect(readClaim(room.doc, claimId)!.createdBy).toBe('alice')
    expect(await db.query('SELECT user_id FROM doc_items')).toEqual([{ user_id: 'alice' }])
  })

  it('a sync step 2 relaying another client’s structs does not make the relayer their author', async () => {
    const { attribution, events, room } = await setup()
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    let claimId = ''
    updateOf(alice, () => {
      claimId = addClaim(alice, { quote: 'q', createdBy: 'alice' })
      setVerdict(alice, claimId, 'false', 'because')
    })
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
    const b = socketOf(room, 'bob', bob)
    room.receive(b, { kind: 'update', update: Y.encodeStateAsUpdate(bob), step2: true })
    await attribution.settled()
    // Alice's clientID stays unbound: the changes have no author, and nothing is corrected to Bob.
    expect(readClaim(room.doc, claimId)!.createdBy).toBe('alice')
    expect(events.map((e) => e.userId)).toEqual([undefined])
    // Once Alice's own socket sends with that clientID, it is hers.
    const a = socketOf(room, 'alice', alice)
    room.receive(a, {
      kind: 'update',
      update: updateOf(alice, () => setVerdict(alice, claimId, 'mixed', 'on reflection')),
    })
    await attribution.settled()
    expect(events.at(-1)).toMatchObject({
      userId: 'alice',
      changes: [
        { kind: 'field', field: 'verdict', before: 'false', after: 'mixed' },
        { kind: 'field', field: 'rationale', before: 'because', after: 'on reflection' },
      ],
    })
  })

  it('a field change is attributed to whoever wrote the value; a read-only socket binds nothing', async () => {
    const { db, attribution, events, room } = await setup()
    const alice = new Y.Doc()
    const a = socketOf(room, 'alice', alice)
    let claimId = ''
    room.receive(a, {
      kind: 'update',
      update: updateOf(alice, () => (claimId = addClaim(alice, { quote: 'q', createdBy: 'alice' }))),
    })
    const viewer = new Connection(new RecordingPeer(), { canWrite: false, userId: 'victor' })
    room.add(viewer)
    const victor = new Y.Doc()
    Y.applyUpdate(victor, Y.encodeStateAsUpdate(room.doc))
    room.receive(viewer, { kind: 'update', update: updateOf(victor, () => setVerdict(victor, claimId, 'true', 'x')) })
    await attribution.settled()
    expect(readClaim(room.doc, claimId)!.verdict).toBeUndefined()
    expect((await db.query<{ user_id: string }>('SELECT user_id FROM doc_clients')).map((r) => r.user_id)).toEqual([
      'alice',
    ])
    expect(events).toHaveLength(1)
  })
})
