import { useEffect, type ReactNode } from 'react'
import { MarkIcon, useTextSelection } from './ClaimOverlays'
import { useClaimSelection, useControllerEditor } from '../claims/ClaimsController'
import { useClaimsEnv } from '../claims/context'
import { modKey } from '../claims/format'

/**
 * Above the article: the marking action, always in the same place, with its shortcut.
 * `banner` (a role change) docks above it, so it stays in view while the text scrolls;
 * it docks alone when you may not write.
 */
export function ArticleToolbar({ banner }: { banner?: ReactNode }) {
  const { controller, canWrite } = useClaimsEnv()
  const editor = useControllerEditor(controller)
  const { selected } = useTextSelection(editor)
  const { notice } = useClaimSelection(controller)

  // A notice answers one attempt; a new selection makes it stale.
  useEffect(() => {
    if (selected) controller.clearNotice()
  }, [selected, controller])

  if (!canWrite) return banner ? <div className="article-toolbar-dock">{banner}</div> : null
  const shortcut = `${modKey()}+Shift+M`

  return (
    <div className="article-toolbar-dock">
      {banner}
      <div className="article-toolbar keycaps" role="toolbar" aria-label="Article tools" data-testid="article-toolbar">
        <button
          type="button"
          className="button button--small article-toolbar__mark"
          aria-disabled={!selected}
          aria-keyshortcuts="Control+Shift+M Meta+Shift+M"
          title={`Mark the selected words as a claim (${shortcut})`}
          // Keep the editor's selection: a toolbar click must not take focus from the text.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => controller.markSelection()}
          data-testid="mark-claim"
        >
          <MarkIcon />
          Mark as claim
          <kbd className="article-toolbar__kbd">{shortcut}</kbd>
        </button>
        <p className={`article-toolbar__hint${notice ? ' article-toolbar__hint--notice' : ''}`} role="status">
          {notice ??
            (selected
              ? 'Mark the selected words as a claim.'
              : 'Select a statement in the article to mark it as a claim.')}
        </p>
      </div>
    </div>
  )
}
