import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/api'
import { fetchSimilarClaims, type SimilarClaim } from '../../api/claims'

/** A quote being edited is asked about once it has stood still this long, not per keystroke. */
export const SIMILAR_SETTLE_MS = 600

/**
 * A claim just marked here may not have reached the server yet (its update is on the
 * socket): "unknown claim" is asked again a few times, this far apart.
 */
const NOT_YET_RETRY_MS = [800, 2000, 5000]

const NONE: readonly SimilarClaim[] = []

/**
 * The workspace's other claims most like this one ("seen before"), fetched when the claim
 * opens and again when its quote has settled after a change. Quiet by design: while a
 * lookup runs the last answer stays; a failed one leaves it too (an empty list at first).
 * `enabled` false (a workshop copy): nothing is fetched.
 */
export function useSimilarClaims(
  articleId: string,
  claimId: string,
  quote: string,
  enabled: boolean,
): readonly SimilarClaim[] {
  const [found, setFound] = useState<{ claimId: string; list: readonly SimilarClaim[] }>({ claimId, list: NONE })
  const asked = useRef<{ claimId: string; quote: string } | null>(null)

  useEffect(() => {
    if (!enabled) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    // Opening a claim asks at once; an edited quote waits until it settles.
    const edited = asked.current !== null && asked.current.claimId === claimId && asked.current.quote !== quote
    asked.current = { claimId, quote }
    const ask = (attempt: number) => {
      fetchSimilarClaims(articleId, claimId).then(
        (list) => {
          if (!cancelled) setFound({ claimId, list: list.length === 0 ? NONE : list })
        },
        (error: unknown) => {
          if (cancelled) return
          const delay = NOT_YET_RETRY_MS[attempt]
          if (error instanceof ApiError && error.status === 404 && delay !== undefined)
            timer = setTimeout(() => ask(attempt + 1), delay)
          // Anything else: keep what is shown; the list is a hint, not the claim's content.
        },
      )
    }
    timer = setTimeout(() => ask(0), edited ? SIMILAR_SETTLE_MS : 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [articleId, claimId, quote, enabled])

  return enabled && found.claimId === claimId ? found.list : NONE
}
