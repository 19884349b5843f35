import { describe, expect, it } from 'vitest'
import { acquireAccess } from './access-pool.js'
import { type Admission, settleAccess } from './admission.js'
import { Connection } from '../connection.js'
import type { GateDecision } from '../gate.js'
import { type AccessChange, RoomRegistry } from '../rooms.js'
import { emptyStore, RecordingPeer } from '../test-doubles.testing.js'

const editor: Extract<GateDecision, { ok: true }> = {
  ok: true,
  access: { canWrite: true, userId: 'u', workspaceId: 'w', credentialId: 'c' },
  told: { role: 'editor' },
}
const as = (canWrite: boolean, role: string): GateDecision => ({
  ok: true,
  access: { ...editor.access, canWrite },
  told: { role },
})

/** A socket admitted as an editor with the epoch before a change, now in its room; the gate answers in turn. */
async function admitted(
  answers: (() => GateDecision)[],
  missed: AccessChange = { kind: 'credential', credentialId: 'someone else' },
) {
  const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined })
  const peer = new RecordingPeer()
  const conn = new Connection(peer, acquireAccess({ ...editor.access, credentialId: `c-${Math.random()}` }))
  const epoch = registry.accessEpoch
  registry.applyAccess(missed)
  const room = await registry.join('doc', conn)
  peer.sent.length = 0
  let asked = 0
  const admission: Admission = {
    registry,
    gate: async () => answers[asked++]!(),
    request: { headers: new Headers(), url: new URL('http://x/') },
    docId: 'doc',
    epoch,
    decision: editor,
  }
  return { registry, peer, conn, settle: () => settleAccess(admission, conn, room), asked: () => asked }
}

describe('settling a socket’s access after admission', () => {
  it('applies and tells a decision that differs from the first', async () => {
    const s = await admitted([() => as(false, 'viewer')])
    expect(await s.settle()).toBe(true)
    expect(s.conn.access.canWrite).toBe(false)
    expect(s.peer.sent).toHaveLength(2) // permission-denied, access
  })

  it('tells nothing when the second decision is the first', async () => {
    const s = await admitted([() => editor])
    expect(await s.settle()).toBe(true)
    expect(s.peer.sent).toHaveLength(0)
  })

  it('closes with the decision’s code when refused now', async () => {
    const s = await admitted([() => ({ ok: false, code: 4403, reason: 'no access to this document' })])
    expect(await s.settle()).toBe(false)
    expect(s.peer.closedWith).toBe(4403)
    // The change it missed was someone else's: the gate's own words stand.
    expect(s.peer.closedReason).toBe('no access to this document')
  })

  it('closes in the words of the change that refused it, as an open socket would hear them', async () => {
    const removed = await admitted([() => ({ ok: false, code: 4403, reason: 'no access to this document' })], {
      kind: 'member',
      workspaceId: 'w',
      userId: 'u',
      canWrite: null,
    })
    expect(await removed.settle()).toBe(false)
    expect([removed.peer.closedWith, removed.peer.closedReason]).toEqual([4403, 'removed from workspace'])

    const deleted = await admitted([() => ({ ok: false, code: 4404, reason: 'unknown document' })], {
      kind: 'copies-deleted',
      docIds: ['other', 'doc'],
    })
    expect(await deleted.settle()).toBe(false)
    expect([deleted.peer.closedWith, deleted.peer.closedReason]).toEqual([4404, 'workshop deleted'])
  })

  it('asks again when another change landed while it asked: the first answer may be stale', async () => {
    let registry: RoomRegistry
    const s = await admitted([
      () => {
        registry.applyAccess({ kind: 'credential', credentialId: 'yet another' })
        return as(false, 'viewer')
      },
      () => as(true, 'checker'),
    ])
    registry = s.registry
    expect(await s.settle()).toBe(true)
    expect(s.asked()).toBe(2)
    expect(s.conn.access.canWrite).toBe(true)
    expect(s.peer.sent).toHaveLength(1) // access {checker}; never told viewer
  })
})
