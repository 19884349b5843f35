import { describe, expect, it } from 'vitest'
import { acquireAccess, releaseAccess } from './access-pool.js'

const decision = (canWrite: boolean, credentialId = 'cred-1') => ({
  canWrite,
  userId: 'u1',
  workspaceId: 'w1',
  credentialId,
})

describe('access pool', () => {
  it('gives sockets of one member, credential and permission the same object', () => {
    const a = acquireAccess(decision(true))
    const b = acquireAccess(decision(true))
    expect(b).toBe(a)
    expect(acquireAccess(decision(false))).not.toBe(a)
    expect(acquireAccess(decision(true, 'cred-2'))).not.toBe(a)
  })

  it('lets go of an object when its last socket closes', () => {
    const a = acquireAccess(decision(true, 'cred-3'))
    const b = acquireAccess(decision(true, 'cred-3'))
    releaseAccess(a)
    expect(acquireAccess(decision(true, 'cred-3'))).toBe(b)
    releaseAccess(b)
    releaseAccess(b)
    expect(acquireAccess(decision(true, 'cred-3'))).not.toBe(a)
  })

  it('a role change on the shared object reaches a socket that opens later with a stale decision', () => {
    const open = acquireAccess(decision(true, 'cred-4'))
    open.canWrite = false // RoomRegistry.applyAccess: demoted to viewer
    expect(acquireAccess(decision(true, 'cred-4')).canWrite).toBe(false)
  })

  it('a guest’s sockets share an object per workshop only, so one workshop’s reveal cannot lock another', () => {
    const guest = (workshopId: string) => ({ canWrite: true, credentialId: 'guest-1', workshopId })
    const first = acquireAccess(guest('ws-1'))
    expect(acquireAccess(guest('ws-1'))).toBe(first)
    expect(acquireAccess(guest('ws-2'))).not.toBe(first)
  })
})
