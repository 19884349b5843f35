import { describe, expect, it } from 'vitest'
import { SocketQuota } from './socket-quota.js'

describe('SocketQuota', () => {
  it('counts per account across credentials and per guest session, and frees on release', () => {
    const quota = new SocketQuota({ socketsPerUser: 2, socketsPerGuest: 1 })
    const token = { canWrite: true, userId: 'u1', credentialId: 'token' }
    const session = { canWrite: true, userId: 'u1', credentialId: 'session' }
    expect(quota.take(token)).toBe(true)
    expect(quota.take(session)).toBe(true)
    expect(quota.take(token)).toBe(false)
    expect(quota.take({ canWrite: true, userId: 'u2', credentialId: 'other' })).toBe(true)
    quota.release(session)
    expect(quota.take(token)).toBe(true)

    const guest = { canWrite: true, credentialId: 'guest-1', workshopId: 'w' }
    expect(quota.take(guest)).toBe(true)
    expect(quota.take(guest)).toBe(false)
    expect(quota.take({ canWrite: true, credentialId: 'guest-2', workshopId: 'w' })).toBe(true)
  })
})
