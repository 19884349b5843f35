import { useEffect, useState } from 'react'
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useClaimsData, useClaimSelection } from '../claims/ClaimsController'
import { StatusPill, VerdictChip } from '../claims/Chips'
import { personName, useClaimsEnv } from '../claims/context'
import { verdictLabel } from '@fc/shared/schema/index'
import { modKey, STATUS_LABELS } from '../claims/format'
import type { ClaimHover } from './claimHighlights'
import { trimmedSelection } from '../shared-text/markClaim'

/** Whether there is text selected in the editor and the editor has focus. */
export function useTextSelection(editor: Editor | null): { selected: boolean; focused: boolean } {
  return (
    useEditorState({
      editor,
      selector: ({ editor: e }) => ({
        selected: e !== null && !e.state.selection.empty && trimmedSelection(e) !== null,
        focused: e?.isFocused ?? false,
      }),
    }) ?? { selected: false, focused: false }
  )
}

/** Re-render on scroll and resize, so fixed-position overlays follow the text. */
function useViewportTick(active: boolean): void {
  const [, setTick] = useState(0)
  useEffect(() => {
    if (!active) return
    const bump = () => setTick((t) => t + 1)
    window.addEventListener('scroll', bump, true)
    window.addEventListener('resize', bump)
    return () => {
      window.removeEventListener('scroll', bump, true)
      window.removeEventListener('resize', bump)
    }
  }, [active])
}

/** A small bar above a selection, with the one action that matters here. */
export function MarkClaimBubble({ editor }: { editor: Editor }) {
  const { controller, canWrite } = useClaimsEnv()
  const { selected, focused } = useTextSelection(editor)
  const visible = canWrite && selected && focused
  useViewportTick(visible)
  if (!visible) return null

  const { from, to } = editor.state.selection
  let start: { left: number; top: number }
  let end: { right: number; top: number }
  try {
    start = editor.view.coordsAtPos(from)
    end = editor.view.coordsAtPos(to, -1)
  } catch {
    return null
  }
  // Centred over the selection's first line; below it when the line is near the top.
  const sameLine = Math.abs(start.top - end.top) < 4
  const centre = sameLine ? (start.left + end.right) / 2 : start.left + 60
  const left = Math.min(Math.max(centre, 90), window.innerWidth - 90)
  const above = start.top > 110
  const top = above ? start.top - 8 : end.top + 30

  return (
    <div
      className={`mark-bubble${above ? '' : ' mark-bubble--below'}`}
      style={{ left, top }}
      role="toolbar"
      aria-label="Selection"
      data-testid="mark-bubble"
      onMouseDown={(e) => e.preventDefault() /* keep the selection */}
    >
      <button
        type="button"
        className="mark-bubble__button"
        onClick={() => controller.markSelection()}
        title={`Mark the selected words as a claim (${modKey()}+Shift+M)`}
      >
        <MarkIcon />
        Mark as claim
        <kbd className="mark-bubble__kbd">{modKey()}⇧M</kbd>
      </button>
    </div>
  )
}

/** What a claim is, shown while the pointer rests on its words or the caret is inside it. */
export function ClaimPopover({ hover }: { hover: ClaimHover | null }) {
  const { controller, scale, members, me } = useClaimsEnv()
  const data = useClaimsData(controller)
  const { selectedId } = useClaimSelection(controller)
  if (hover === null) return null
  const views = hover.ids.flatMap((id) => data.byId.get(id) ?? [])
  if (views.length === 0) return null
  const shown = views.slice(0, 3)
  const { rect } = hover
  const below = rect.top < 200
  const left = Math.min(Math.max(rect.left, 12), window.innerWidth - 332)

  return (
    <div
      className={`claim-popover${below ? ' claim-popover--below' : ''}`}
      style={{ left, top: below ? rect.bottom + 8 : rect.top - 8 }}
      role="tooltip"
      data-testid="claim-popover"
    >
      {shown.map(({ claim }) => (
        <div
          key={claim.id}
          className={`claim-popover__claim${claim.id === selectedId ? ' claim-popover__claim--open' : ''}`}
        >
          <q className="claim-popover__quote">{claim.quote}</q>
          <div className="claim-popover__meta">
            <VerdictChip verdict={claim.verdict} scale={scale} />
            <StatusPill status={claim.status} />
            {claim.assignee !== undefined && (
              <span className="claim-popover__assignee">{personName(members, claim.assignee, me.id)}</span>
            )}
          </div>
        </div>
      ))}
      {views.length > shown.length && (
        <p className="claim-popover__more">and {views.length - shown.length} more overlapping</p>
      )}
      <p className="claim-popover__hint">
        {views.length > 1 ? 'Click to open; click again for the next overlapping claim' : 'Click to open its card'}
      </p>
    </div>
  )
}

export function MarkIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="icon">
      <path
        fill="currentColor"
        d="M10.3 1.9a1.75 1.75 0 0 1 2.48 0l1.32 1.32a1.75 1.75 0 0 1 0 2.48L7.6 12.2a.75.75 0 0 1-.35.2l-3.5.88a.75.75 0 0 1-.91-.91l.87-3.5a.75.75 0 0 1 .2-.35L10.3 1.9Zm1.42 1.06a.25.25 0 0 0-.36 0L5.04 9.28l-.5 2.03 2.03-.5 6.32-6.32a.25.25 0 0 0 0-.36l-1.17-1.17ZM1.75 14.5h12.5a.75.75 0 0 1 0 1.5H1.75a.75.75 0 0 1 0-1.5Z"
      />
    </svg>
  )
}

/**
 * For screen readers: claims are painted as CSS highlights, which assistive technology does
 * not see, so when the caret enters claims a polite live region says which (quote, verdict,
 * status), the same facts the caret's popover shows. Always in the page: a live region
 * announces changes only once it exists.
 */
export function ClaimCaretAnnouncer({ hover }: { hover: ClaimHover | null }) {
  const { controller, scale } = useClaimsEnv()
  const data = useClaimsData(controller)
  const views = hover?.source === 'caret' ? hover.ids.flatMap((id) => data.byId.get(id) ?? []) : []
  const said = views
    .map(({ claim }) => {
      const verdict = claim.verdict === undefined ? 'no verdict' : verdictLabel(scale, claim.verdict)
      return `“${claim.quote}”, ${verdict}, ${STATUS_LABELS[claim.status].toLowerCase()}`
    })
    .join('; ')
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="claim-caret-live">
      {said === '' ? '' : `In ${views.length === 1 ? 'claim' : `${views.length} claims`}: ${said}`}
    </p>
  )
}
