/** Workspace roles, most to least privileged. */
export const ROLES = ['owner', 'editor', 'checker', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an invite may grant: ownership is never handed out through a shareable code. */
export const INVITABLE_ROLES = ['editor', 'checker', 'viewer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` carries at least the rights of `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(minimum);
}
