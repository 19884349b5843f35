// The shapes the app shell hands to screens (ArticleScreen, claims UI, members page).
// They mirror the public API (docs/api.md); the shell is the one place that fetches them.

/** Roles, most to least: owner, editor (reviews, publishes), checker (annotates), viewer (reads). */
export type Role = 'owner' | 'editor' | 'checker' | 'viewer'

export const ROLES: readonly Role[] = ['owner', 'editor', 'checker', 'viewer']

/** The signed-in person. `color` is `#rrggbb`, derived from `id` (same on every device). */
export interface Me {
  id: string
  name: string
  email: string
  color: string
}

/** What an article screen needs to know about the article before the document opens. */
export interface ArticleRef {
  id: string
  docId: string
  title: string
  workspaceId: string
  sourceUrl?: string | null
}

/** A member of a workspace, as `GET /api/workspaces/:id/members` lists them. */
export interface Member {
  userId: string
  email: string
  name: string
  role: Role
  joinedAt: string
}

/** Props of ArticleScreen: the shell resolves all of them before the editor opens. */
export interface ArticleScreenProps {
  article: ArticleRef
  me: Me
  role: Role
  members: Member[]
}

/** Roles that may change the document text and claims (the socket drops a viewer's updates). */
export function canEdit(role: Role): boolean {
  return role !== 'viewer'
}

/** Owners and editors may invite; only owners may invite owners. */
export function canInvite(role: Role): boolean {
  return role === 'owner' || role === 'editor'
}

/** Owners and editors run workshops on the workspace's articles (their creators keep training them). */
export function canRunWorkshops(role: Role): boolean {
  return role === 'owner' || role === 'editor'
}
