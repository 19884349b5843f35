import { describe, expect, it } from 'vitest'
import { readAccess } from './useLiveRole'

describe('readAccess: what an access message means for the screen', () => {
  it('a full disk pauses writing without being read as a demotion', () => {
    expect(readAccess({ canWrite: false, reason: 'storage-full' })).toEqual({ kind: 'storage-full' })
  })
  it('a role named is that role; read-only without one is a viewer; writable without one asks', () => {
    expect(readAccess({ canWrite: true, role: 'editor' })).toEqual({ kind: 'role', role: 'editor' })
    expect(readAccess({ canWrite: false, reason: 'workshop-revealed' })).toEqual({ kind: 'read-only' })
    expect(readAccess({ canWrite: false })).toEqual({ kind: 'read-only' })
    expect(readAccess({ canWrite: true })).toEqual({ kind: 'ask-role' })
  })
})
