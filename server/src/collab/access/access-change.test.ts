import { AUTH_ACCESS, AUTH_PERMISSION_DENIED, MESSAGE_AUTH, MESSAGE_SYNC, SYNC_STEP1 } from '@fc/shared'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { acquireAccess } from './access-pool.js'
import { Connection } from '../connection.js'
import { type AccessChange, RoomRegistry } from '../rooms.js'
import { emptyStore, RecordingPeer } from '../test-doubles.testing.js'

/** What a frame is, in the terms of docs/api.md. */
function describeFrame(frame: Uint8Array): string {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  const sub = decoding.readVarUint(decoder)
  if (type === MESSAGE_AUTH && sub === AUTH_ACCESS) return `access ${decoding.readVarString(decoder)}`
  if (type === MESSAGE_AUTH && sub === AUTH_PERMISSION_DENIED) return 'permission-denied'
  if (type === MESSAGE_SYNC && sub === SYNC_STEP1) return 'sync-step1'
  return `other ${type}/${sub}`
}

async function openSocket(
  registry: RoomRegistry,
  docId: string,
  userId: string,
  canWrite: boolean,
  credentialId = `cred-${userId}`,
) {
  const peer = new RecordingPeer()
  const conn = new Connection(peer, acquireAccess({ canWrite, userId, workspaceId: 'w1', credentialId }))
  await registry.join(docId, conn)
  peer.sent.length = 0 // the join's own sync step 1
  return { peer, conn, frames: () => peer.sent.map(describeFrame) }
}

describe('a role change reaches the member’s open sockets', () => {
  it('demotion: every socket of the member is told, permission-denied first; nobody else hears a thing', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const tabOne = await openSocket(registry, 'doc-a', 'u-demoted', true)
    const tabTwo = await openSocket(registry, 'doc-b', 'u-demoted', true)
    const other = await openSocket(registry, 'doc-a', 'u-other', true)

    registry.applyAccess({ kind: 'member', workspaceId: 'w1', userId: 'u-demoted', canWrite: false, role: 'viewer' })

    for (const tab of [tabOne, tabTwo]) {
      expect(tab.conn.access.canWrite).toBe(false)
      expect(tab.frames()).toEqual(['permission-denied', 'access {"canWrite":false,"role":"viewer"}'])
    }
    expect(other.frames()).toEqual([])
    expect(other.conn.access.canWrite).toBe(true)
  })

  it('promotion: told, and asked for what it holds (sync step 1) so updates dropped while read-only cannot block later ones', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const tab = await openSocket(registry, 'doc-c', 'u-promoted', false)
    registry.applyAccess({ kind: 'member', workspaceId: 'w1', userId: 'u-promoted', canWrite: true, role: 'checker' })
    expect(tab.conn.access.canWrite).toBe(true)
    expect(tab.frames()).toEqual(['access {"canWrite":true,"role":"checker"}', 'sync-step1'])
  })

  it('a role change that keeps write access only tells the new role; one from an older instance has no role', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const tab = await openSocket(registry, 'doc-d', 'u-same', true)
    registry.applyAccess({ kind: 'member', workspaceId: 'w1', userId: 'u-same', canWrite: true, role: 'checker' })
    registry.applyAccess({ kind: 'member', workspaceId: 'w1', userId: 'u-same', canWrite: true })
    expect(tab.frames()).toEqual(['access {"canWrite":true,"role":"checker"}', 'access {"canWrite":true}'])
  })

  it('removal still closes the socket with 4403 and sends nothing before', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const tab = await openSocket(registry, 'doc-e', 'u-removed', true)
    registry.applyAccess({ kind: 'member', workspaceId: 'w1', userId: 'u-removed', canWrite: null })
    expect(tab.peer.closedWith).toBe(4403)
    expect(tab.frames()).toEqual([])
  })
})

describe('a workshop’s copies: locked at the reveal, closed at deletion', () => {
  async function openGuest(registry: RoomRegistry, docId: string, guestId: string, workshopId: string) {
    const peer = new RecordingPeer()
    const conn = new Connection(peer, acquireAccess({ canWrite: true, credentialId: guestId, workshopId }))
    await registry.join(docId, conn)
    peer.sent.length = 0
    return { peer, conn, frames: () => peer.sent.map(describeFrame) }
  }

  it('the reveal locks every socket of that workshop’s participants, tells them why, and leaves trainers and other workshops alone', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const tabOne = await openGuest(registry, 'copy-ana', 'g-ana', 'ws-1')
    const tabTwo = await openGuest(registry, 'copy-ana', 'g-ana', 'ws-1')
    const ben = await openGuest(registry, 'copy-ben', 'g-ben', 'ws-1')
    // The same guest in another workshop: its Access is not the one that gets locked.
    const elsewhere = await openGuest(registry, 'copy-ana-2', 'g-ana', 'ws-2')
    const trainer = await openSocket(registry, 'copy-ana', 'u-trainer', true)

    registry.applyAccess({ kind: 'workshop-revealed', workshopId: 'ws-1' })
    for (const tab of [tabOne, tabTwo, ben]) {
      expect(tab.conn.access.canWrite).toBe(false)
      expect(tab.frames()).toEqual(['permission-denied', 'access {"canWrite":false,"reason":"workshop-revealed"}'])
    }
    expect(elsewhere.conn.access.canWrite).toBe(true)
    expect(elsewhere.frames()).toEqual([])
    expect(trainer.conn.access.canWrite).toBe(true)
    expect(trainer.frames()).toEqual([])

    // Revealing again (idempotent on the server) tells nobody anything new.
    registry.applyAccess({ kind: 'workshop-revealed', workshopId: 'ws-1' })
    expect(ben.frames()).toHaveLength(2)
  })

  it('the end locks the participants as the reveal does; a reveal after it tells them once that results are out', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const ana = await openGuest(registry, 'copy-ana-end', 'g-ana-end', 'ws-end')
    const trainer = await openSocket(registry, 'copy-ana-end', 'u-trainer-end', true)
    registry.applyAccess({ kind: 'workshop-ended', workshopId: 'ws-end' })
    expect(ana.conn.access.canWrite).toBe(false)
    expect(ana.frames()).toEqual(['permission-denied', 'access {"canWrite":false,"reason":"workshop-ended"}'])
    // Every instance's clock applies it, and the announcing one's relay brings it again: nothing new.
    registry.applyAccess({ kind: 'workshop-ended', workshopId: 'ws-end' })
    expect(ana.frames()).toHaveLength(2)
    registry.applyAccess({ kind: 'workshop-revealed', workshopId: 'ws-end' })
    registry.applyAccess({ kind: 'workshop-revealed', workshopId: 'ws-end' })
    expect(ana.frames()).toEqual([
      'permission-denied',
      'access {"canWrite":false,"reason":"workshop-ended"}',
      'access {"canWrite":false,"reason":"workshop-revealed"}',
    ])
    expect(trainer.frames()).toEqual([])
  })

  it('deleted copies close every socket on them with 4404, and only those', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const guest = await openGuest(registry, 'copy-gone', 'g-1', 'ws-3')
    const trainer = await openSocket(registry, 'copy-gone', 'u-trainer-2', true)
    const kept = await openGuest(registry, 'copy-kept', 'g-2', 'ws-4')
    registry.applyAccess({ kind: 'copies-deleted', docIds: ['copy-gone'] })
    expect(guest.peer.closedWith).toBe(4404)
    expect(trainer.peer.closedWith).toBe(4404)
    expect(kept.peer.closedWith).toBeUndefined()
    await registry.unloaded()
    expect(registry.openRooms.has('copy-gone')).toBe(false)
    expect(registry.openRooms.has('copy-kept')).toBe(true)
  })
})

describe('a trainer’s sockets on participants’ copies', () => {
  it('close (4403) when the new role no longer makes them a trainer; their article sockets are told as usual', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const peer = new RecordingPeer()
    const onCopy = new Connection(
      peer,
      acquireAccess({
        canWrite: true,
        userId: 'u-trainer-3',
        workspaceId: 'w1',
        credentialId: 'c-3',
        trainerByRole: true,
      }),
    )
    await registry.join('copy-x', onCopy)
    const onArticle = await openSocket(registry, 'doc-f', 'u-trainer-3', true, 'c-3')
    expect(onArticle.conn.access).not.toBe(onCopy.access)

    registry.applyAccess({
      kind: 'member',
      workspaceId: 'w1',
      userId: 'u-trainer-3',
      canWrite: true,
      role: 'editor',
      trainsWorkshops: true,
    })
    expect(peer.closedWith).toBeUndefined()
    registry.applyAccess({
      kind: 'member',
      workspaceId: 'w1',
      userId: 'u-trainer-3',
      canWrite: true,
      role: 'checker',
      trainsWorkshops: false,
    })
    expect(peer.closedWith).toBe(4403)
    expect(onArticle.frames()).toEqual([
      'access {"canWrite":true,"role":"editor"}',
      'access {"canWrite":true,"role":"checker"}',
    ])
  })

  it('every applied change moves the access epoch', () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const before = registry.accessEpoch
    registry.applyAccess({ kind: 'credential', credentialId: 'nobody' })
    registry.applyAccess({ kind: 'workshop-revealed', workshopId: 'none' })
    expect(registry.accessEpoch).toBe(before + 2)
  })

  it('a change of a kind this version does not know (a newer instance, mid-upgrade) touches no socket, and still moves the epoch', async () => {
    const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
    const member = await openSocket(registry, 'doc-u', 'u-up', true)
    // A guest's access has no user or workspace: a change read as a member change would match it.
    const peer = new RecordingPeer()
    const guest = new Connection(peer, acquireAccess({ canWrite: true, credentialId: 'g-up', workshopId: 'ws-up' }))
    await registry.join('copy-up', guest)
    peer.sent.length = 0
    const before = registry.accessEpoch

    registry.applyAccess({ kind: 'workshop-paused', workshopId: 'ws-up' } as unknown as AccessChange)
    expect(registry.accessEpoch).toBe(before + 1)
    for (const [conn, p] of [
      [member.conn, member.peer],
      [guest, peer],
    ] as const) {
      expect(conn.access.canWrite).toBe(true)
      expect(p.closedWith).toBeUndefined()
      expect(p.sent).toHaveLength(0)
    }
  })
})

describe('storage full reaches the sockets that may write', () => {
  it('writers are told, readers are not; a member promoted meanwhile is told too; space back: canWrite true and sync step 1', async () => {
    const store = { ...emptyStore, storageFull: false }
    const registry = new RoomRegistry(store, { onLocalUpdate: () => undefined })
    const writer = await openSocket(registry, 'doc-s', 'u-writer', true)
    const reader = await openSocket(registry, 'doc-s', 'u-reader', false)

    store.storageFull = true
    registry.storageWritable(false)
    expect(writer.frames()).toEqual(['permission-denied', 'access {"canWrite":false,"reason":"storage-full"}'])
    expect(reader.frames()).toEqual([])
    // Told, not re-roled: the permission comes back by itself with space.
    expect(writer.conn.access.canWrite).toBe(true)

    registry.applyAccess({ kind: 'member', workspaceId: 'w1', userId: 'u-reader', canWrite: true, role: 'checker' })
    expect(reader.frames()).toEqual([
      'access {"canWrite":true,"role":"checker"}',
      'sync-step1',
      'permission-denied',
      'access {"canWrite":false,"reason":"storage-full"}',
    ])
    // Opened while full: read-only from its first frames on.
    const latePeer = new RecordingPeer()
    await registry.join(
      'doc-s',
      new Connection(
        latePeer,
        acquireAccess({ canWrite: true, userId: 'u-late', workspaceId: 'w1', credentialId: 'cred-late' }),
      ),
    )
    expect(latePeer.sent.map(describeFrame)).toEqual([
      'sync-step1',
      'permission-denied',
      'access {"canWrite":false,"reason":"storage-full"}',
    ])

    writer.peer.sent.length = 0
    reader.peer.sent.length = 0
    store.storageFull = false
    registry.storageWritable(true)
    for (const socket of [writer, reader]) expect(socket.frames()).toEqual(['access {"canWrite":true}', 'sync-step1'])
  })
})
