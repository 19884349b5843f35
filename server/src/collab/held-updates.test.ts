import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Connection } from './connection.js'
import { measure } from './held-cost.testing.js'
import { LimitExceeded } from './limits.js'
import { Room } from './room.js'
import { RecordingPeer } from './test-doubles.testing.js'

const LIMITS = { pendingUpdates: 5, pendingBytes: 64 * 1024, presenceIds: 16 }

/** A writer's successive updates (each depends on the one before). */
function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String.fromCharCode(97 + (i % 26)))
  return updates
}

function writer(): Connection {
  return new Connection(new RecordingPeer(), { canWrite: true })
}

describe('updates waiting on missing structs are held per socket, outside the document', () => {
  it('an update sent before its predecessor waits, then integrates when the predecessor comes', () => {
    const stored: Uint8Array[] = []
    const room = new Room('d', { onLocalUpdate: (_id, u) => stored.push(u) }, LIMITS)
    const conn = writer()
    room.add(conn)
    const [first, second] = edits(2)
    room.receive(conn, { kind: 'update', update: second! })
    expect(room.doc.getText('t').toString()).toBe('')
    expect(room.doc.store.pendingStructs).toBeNull()
    room.receive(conn, { kind: 'update', update: first! })
    expect(room.doc.getText('t').toString()).toBe('ab')
    expect(conn.held).toBeUndefined()
    // Both reached storage: the held one once it integrated.
    const check = new Y.Doc()
    for (const u of stored) Y.applyUpdate(check, u)
    expect(check.getText('t').toString()).toBe('ab')
  })

  it('past the count bound the socket is refused, and nothing it held is in the document', () => {
    const room = new Room('d', { onLocalUpdate: () => undefined }, LIMITS)
    const conn = writer()
    room.add(conn)
    const updates = edits(10)
    for (const u of updates.slice(1, 1 + LIMITS.pendingUpdates)) room.receive(conn, { kind: 'update', update: u })
    expect(() => room.receive(conn, { kind: 'update', update: updates[8]! })).toThrow(LimitExceeded)
    expect(conn.held).toBeUndefined()
    expect(room.doc.store.pendingStructs).toBeNull()
    // The predecessor arriving later from someone else brings back none of the dropped junk.
    room.receive(writer(), { kind: 'update', update: updates[0]! })
    expect(room.doc.getText('t').toString()).toBe('a')
    expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBe(Y.encodeStateAsUpdate(fresh(updates[0]!)).byteLength)
  })

  it('a remote update missing predecessors stays in the document’s own pending set (scale-out healing reads it)', () => {
    const room = new Room('d', { onLocalUpdate: () => undefined }, LIMITS)
    const [first, second] = edits(2)
    room.applyRemote(second!)
    expect(room.doc.store.pendingStructs).not.toBeNull()
    // A socket's update in between does not take it away, and brings what it waits for.
    const conn = writer()
    room.add(conn)
    room.receive(conn, { kind: 'update', update: first! })
    expect(room.doc.getText('t').toString()).toBe('ab')
    expect(room.doc.store.pendingStructs).toBeNull()
  })
})

describe('held updates and other instances', () => {
  it('a socket update that waits on another instance’s update integrates when that arrives, and is stored as the socket’s own', () => {
    const stored: Uint8Array[] = []
    let waits = 0
    const room = new Room('d', { onLocalUpdate: (_id, u) => stored.push(u), onWaiting: () => waits++ }, LIMITS)
    const conn = writer()
    room.add(conn)
    const [remote, local] = edits(2)
    room.receive(conn, { kind: 'update', update: local! })
    expect(waits).toBe(1)
    room.applyRemote(remote!)
    expect(room.doc.getText('t').toString()).toBe('ab')
    expect(conn.held).toBeUndefined()
    // Only the socket's own update is stored here; the remote one its instance stored.
    expect(stored.length).toBe(1)
    const check = new Y.Doc()
    Y.applyUpdate(check, remote!)
    Y.applyUpdate(check, stored[0]!)
    expect(check.getText('t').toString()).toBe('ab')
  })
})

describe('held updates cost an honest update nothing (counted, not timed)', () => {
  // Each honest update used to re-check every held update of its room, and re-apply those whose
  // first wait was met but that still lacked something: one Yjs transaction per such update.
  it.each(['never', 'honest-clock', 'stuck'] as const)(
    'orphans that wait %s: the same transactions and state lookups with 0 or 400 held',
    (kind) => {
      // The same document either way (for `stuck`, the structs the orphans build on), held or not.
      const alone = measure(kind, 400, 20, false)
      const crowded = measure(kind, 400, 20)
      expect(crowded.transactions).toBe(alone.transactions)
      expect(crowded.stateLookups).toBe(alone.stateLookups)
    },
  )

  it('an update whose wait was met but that still lacks another struct waits for that one, then integrates', () => {
    const stored: Uint8Array[] = []
    const room = new Room('d', { onLocalUpdate: (_id, u) => stored.push(u) }, LIMITS)
    const conn = writer()
    room.add(conn)
    const other = new Y.Doc()
    other.getText('t').insert(0, 'b')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    const sv0 = Y.encodeStateVector(doc)
    doc.getMap('m').set('a0', 0)
    const sv1 = Y.encodeStateVector(doc)
    const first = Y.encodeStateAsUpdate(doc, sv0)
    doc.getText('t').insert(1, 'a') // after 'b', which the room does not have
    const second = Y.encodeStateAsUpdate(doc, sv1)
    room.receive(conn, { kind: 'update', update: second })
    room.receive(conn, { kind: 'update', update: first })
    expect(room.doc.getMap('m').get('a0')).toBe(0)
    expect(room.doc.getText('t').toString()).toBe('')
    expect(conn.held).toBeDefined()
    room.receive(writer(), { kind: 'update', update: Y.encodeStateAsUpdate(other) })
    expect(room.doc.getText('t').toString()).toBe('ba')
    expect(conn.held).toBeUndefined()
    expect(room.doc.store.pendingStructs).toBeNull()
  })
})

function fresh(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}
