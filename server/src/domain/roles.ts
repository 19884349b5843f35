/** Roles, most to least: owner, editor (reviews and publishes), checker (annotates), viewer (reads). */
export const ROLES = ['owner', 'editor', 'checker', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 3, editor: 2, checker: 1, viewer: 0 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Whether a socket of this role may change the document (a viewer's updates are dropped). */
export function canWriteDocuments(role: Role): boolean {
  return roleAtLeast(role, 'checker');
}

/** Who may mint an invite for which role: owners any, editors up to editor, others none. */
export function canInvite(inviter: Role, invitedRole: Role): boolean {
  if (inviter === 'owner') return true;
  if (inviter === 'editor') return invitedRole !== 'owner';
  return false;
}
