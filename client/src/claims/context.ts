import { createContext, useContext } from 'react'
import type { VerdictScale } from '@fc/shared/schema/index'
import type { ArticleRef, Me, Member } from '../app/types'
import type { ClaimsController } from './ClaimsController'

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
}

export const ClaimsContext = createContext<ClaimsEnv | null>(null)

export function useClaimsEnv(): ClaimsEnv {
  const env = useContext(ClaimsContext)
  if (env === null) throw new Error('claims UI used outside <ClaimsContext.Provider>')
  return env
}

/** A person's display name from a user id; bots and departed members still read sensibly. */
export function personName(members: readonly Member[], userId: string | undefined, meId?: string): string {
  if (userId === undefined || userId === '') return 'Unknown'
  const member = members.find((m) => m.userId === userId)
  if (member !== undefined) return userId === meId ? `${member.name} (you)` : member.name
  if (/^bot[:_-]/i.test(userId)) return userId
  return 'Former member'
}
