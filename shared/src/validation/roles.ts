/**
 * Workspace roles and what each may do: the one definition for the server's checks and the
 * client's screens. Most to least privileged: owner, editor (reviews, publishes, invites,
 * trains), checker (marks claims, adds evidence and verdicts), viewer (reads).
 */
export const ROLES = ['owner', 'editor', 'checker', 'viewer'] as const
export type Role = (typeof ROLES)[number]

const RANK: Readonly<Record<Role, number>> = { owner: 3, editor: 2, checker: 1, viewer: 0 }

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Whether `role` carries at least the rights of `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum]
}

/** Checker and up: may change the document text and claims (the socket drops a viewer's updates). */
export function canWriteDocuments(role: Role): boolean {
  return roleAtLeast(role, 'checker')
}

/** Editor and up: trains every workshop of the workspace (a workshop's creator trains theirs too). */
export function canRunWorkshops(role: Role): boolean {
  return roleAtLeast(role, 'editor')
}

/** Editor and up: decides on claims (approve, request changes) and publishes articles. */
export function canReview(role: Role): boolean {
  return roleAtLeast(role, 'editor')
}

/** Roles each role may hand out with an invite: owners any, editors all but owner, the others none. */
export const INVITABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  owner: ROLES,
  editor: ['editor', 'checker', 'viewer'],
  checker: [],
  viewer: [],
}

/** Whether `inviter` may mint an invite for `invitedRole`; without one, whether they may invite at all. */
export function canInvite(inviter: Role, invitedRole?: Role): boolean {
  const roles = INVITABLE_ROLES[inviter]
  return invitedRole === undefined ? roles.length > 0 : roles.includes(invitedRole)
}
