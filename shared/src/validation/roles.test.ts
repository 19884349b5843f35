import { describe, expect, it } from 'vitest'
import { canInvite, canRunWorkshops, canWriteDocuments, INVITABLE_ROLES, isRole, ROLES } from './roles.js'

describe('role checks', () => {
  it('lets checkers and up write, editors and up train', () => {
    expect(ROLES.filter(canWriteDocuments)).toEqual(['owner', 'editor', 'checker'])
    expect(ROLES.filter(canRunWorkshops)).toEqual(['owner', 'editor'])
  })

  it('lets owners invite any role, editors all but owner, the others none', () => {
    expect(INVITABLE_ROLES.owner).toEqual(['owner', 'editor', 'checker', 'viewer'])
    expect(canInvite('owner', 'owner')).toBe(true)
    expect(canInvite('editor', 'owner')).toBe(false)
    expect(canInvite('editor', 'viewer')).toBe(true)
    expect(canInvite('checker', 'viewer')).toBe(false)
    expect(ROLES.filter((role) => canInvite(role))).toEqual(['owner', 'editor'])
  })

  it('knows a role when it sees one', () => {
    expect(isRole('checker')).toBe(true)
    expect(isRole('admin')).toBe(false)
    expect(isRole(undefined)).toBe(false)
  })
})
