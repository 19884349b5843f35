import { useEffect, useRef } from 'react'
import { articlePath } from '../../ui/router'
import { useControllerEditor, type ClaimsController } from './ClaimsController'

/** The address parameter naming the claim to open when an article loads (`/a/:id?claim=…`). */
const CLAIM_PARAM = 'claim'

/** The address of an article opened at one of its claims. */
export function claimPath(articleId: string, claimId: string): string {
  return `${articlePath(articleId)}?${CLAIM_PARAM}=${encodeURIComponent(claimId)}`
}

/** The claim the current address asks to open, if any. */
export function claimInAddress(search: string = location.search): string | null {
  const value = new URLSearchParams(search).get(CLAIM_PARAM)
  return value === null || value === '' ? null : value
}

/**
 * Opens the claim the address names (a "Seen before" link, a shared link) once it and the
 * editor are there: its card opens and comes into view, and the article scrolls to its
 * words. Once per load; a claim the article does not have is ignored.
 */
export function useClaimFromAddress(
  controller: ClaimsController,
  known: ReadonlyMap<string, unknown>,
  onOpen: () => void,
): void {
  const editor = useControllerEditor(controller)
  const wanted = useRef(claimInAddress())
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  useEffect(() => {
    const claimId = wanted.current
    if (claimId === null || editor === null || !known.has(claimId)) return
    wanted.current = null
    onOpen()
    controller.open(claimId, 'text')
    // The highlight of its words is drawn on the next frames (and claims keep arriving
    // meanwhile: this timer must outlive the next data update, so it is not this effect's).
    timer.current = setTimeout(() => controller.revealInText(claimId), 100)
  }, [controller, editor, known, onOpen])
}
