// The shapes the app shell hands to screens (ArticleScreen, claims UI, members page).
// They mirror the public API (docs/api.md); the shell is the one place that fetches them.

import type { Role } from '@fc/shared/validation/roles'

// Roles and what each may do are shared with the server: one definition for both ends.
export {
  canInvite,
  canReview,
  canRunWorkshops,
  canWriteDocuments as canEdit,
  isRole,
  ROLES,
  type Role,
} from '@fc/shared/validation/roles'

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
