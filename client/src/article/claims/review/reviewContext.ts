import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { describeError } from '../../../api/api'
import {
  decide,
  fetchArticleReview,
  requestReview,
  type ArticleReview,
  type ClaimReviewState,
  type Decision,
} from '../../../api/review'
import type { Role } from '../../../api/types'
import { useLiveEvent, useLiveEventsReconnected } from '../../../live/liveEvents'

/**
 * The article's review as the server keeps it (states, decisions, publication), loaded once
 * per open article and reloaded whenever a `review` event names it, so a decision made in
 * another browser shows on every claim card without a reload. A workshop copy has none:
 * without a provider the review controls are not drawn.
 */
export interface ReviewEnv {
  articleId: string
  role: Role
  /** null until the first answer arrives. */
  review: ArticleReview | null
  failed: boolean
  /** The last review request that failed, wherever it was made (the card's button, the "Needs review" step). */
  refusedRequest: { claimId: string; message: string } | null
  reload: () => void
  stateOf: (claimId: string) => ClaimReviewState | undefined
  request: (claimId: string) => Promise<void>
  decide: (claimId: string, decision: Decision, note: string) => Promise<void>
}

export const ReviewContext = createContext<ReviewEnv | null>(null)

export function useReview(): ReviewEnv | null {
  return useContext(ReviewContext)
}

export function useArticleReview(articleId: string, role: Role): ReviewEnv {
  const [review, setReview] = useState<ArticleReview | null>(null)
  const [failed, setFailed] = useState(false)
  const [refusedRequest, setRefusedRequest] = useState<ReviewEnv['refusedRequest']>(null)
  // Answers may arrive out of order (an event right after an action): only the latest counts.
  const asked = useRef(0)

  const reload = useCallback(() => {
    const ticket = ++asked.current
    fetchArticleReview(articleId).then(
      (next) => {
        if (ticket !== asked.current) return
        setReview(next)
        setFailed(false)
      },
      () => ticket === asked.current && setFailed(true),
    )
  }, [articleId])

  useEffect(reload, [reload])
  useLiveEvent('review', (event) => {
    if (event.articleId === articleId) reload()
  })
  useLiveEventsReconnected(reload)

  return useMemo<ReviewEnv>(() => {
    const byClaim = new Map((review?.claims ?? []).map((c) => [c.claimId, c]))
    return {
      articleId,
      role,
      review,
      failed,
      reload,
      stateOf: (claimId) => byClaim.get(claimId),
      refusedRequest,
      request: async (claimId) => {
        try {
          await requestReview(articleId, claimId)
          setRefusedRequest(null)
        } catch (error) {
          setRefusedRequest({ claimId, message: describeError(error) })
          throw error
        } finally {
          reload()
        }
      },
      decide: async (claimId, decision, note) => {
        await decide(articleId, claimId, decision, note)
        reload()
      },
    }
  }, [articleId, role, review, failed, refusedRequest, reload])
}
