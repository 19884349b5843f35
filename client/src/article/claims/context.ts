import { createContext, useContext } from 'react'
import type { VerdictScale } from '@fc/shared/schema/index'
import type { ArticleRef, Me, Member } from '../../api/types'
import type { ClaimsController } from './ClaimsController'

/**
 * What the claims UI offers besides marking, evidence, verdicts and discussion. A desk
 * article has everything; a workshop copy is one person's exercise on a document that is
 * not an article (no exports, no uploads: those are article routes) and has nobody to assign.
 */
export interface ClaimsFeatures {
  /** ClaimReview, report and annotation downloads of the article. */
  exports: boolean
  /** Files on evidence (uploaded to the article). */
  attachments: boolean
  /** Assigning claims to workspace members. */
  assignees: boolean
  /**
   * The system's check-worthy sentences beside the claims. Off in workshops: participants
   * are there to learn to find the claims themselves.
   */
  suggestions: boolean
  /**
   * "Seen before": the workspace's other articles' claims like the open one, with their
   * verdicts. Off in workshops, like suggestions: a participant would read the answers
   * there, and a copy's claims are not the article's.
   */
  seenBefore: boolean
  /** The History and Activity tabs (article routes; a workshop copy is not an article). */
  history: boolean
  /** How an author who is not in `members` reads (a departed member; a workshop's trainer). */
  strangerName: string
  /** The comment box's invitation, after "No comments yet." */
  commentPrompt: string
  /** What an empty claims list says to someone who cannot mark claims here (a viewer, a locked copy). */
  noClaimsReadOnly: string
}

export const DESK_FEATURES: ClaimsFeatures = {
  exports: true,
  attachments: true,
  assignees: true,
  suggestions: true,
  seenBefore: true,
  history: true,
  strangerName: 'Former member',
  commentPrompt: 'Ask a question or leave a note for the team.',
  noClaimsReadOnly: 'When the checkers in this workspace mark claims in the article, they appear here in text order.',
}

/** Everything the claims UI needs about where it runs; provided once by the article screen. */
export interface ClaimsEnv {
  controller: ClaimsController
  article: ArticleRef
  me: Me
  members: readonly Member[]
  /** The workspace's verdict labels (the default scale until they load). */
  scale: VerdictScale
  /** Viewers read only: every control that writes is hidden or disabled. */
  canWrite: boolean
  /** The desk's full set unless said otherwise. */
  features?: ClaimsFeatures
}

export function useClaimsFeatures(): ClaimsFeatures {
  return useClaimsEnv().features ?? DESK_FEATURES
}

export const ClaimsContext = createContext<ClaimsEnv | null>(null)

export function useClaimsEnv(): ClaimsEnv {
  const env = useContext(ClaimsContext)
  if (env === null) throw new Error('claims UI used outside <ClaimsContext.Provider>')
  return env
}

/** A person's display name from a user id; bots and departed members still read sensibly. */
export function personName(
  members: readonly Member[],
  userId: string | undefined,
  meId?: string,
  strangerName = 'Former member',
): string {
  if (userId === undefined || userId === '') return 'Unknown'
  const member = members.find((m) => m.userId === userId)
  if (member !== undefined) return userId === meId ? `${member.name} (you)` : member.name
  if (/^bot[:_-]/i.test(userId)) return userId
  return strangerName
}
