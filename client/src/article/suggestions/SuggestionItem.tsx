import { useId } from 'react'
import { MarkIcon } from '../editor/ClaimOverlays'
import { explanationLine, REASONS, shortQuote } from './format'
import type { ListedSuggestion } from './useSuggestions'

interface SuggestionItemProps {
  suggestion: ListedSuggestion
  /** The one selected (last shown in the text, by a click or j/k): its whole quote is shown. */
  active: boolean
  /** Whether this person may mark claims; otherwise there is no Mark action. */
  canMark: boolean
  dismissed: boolean
  onShow: () => void
  onMark: () => void
  /** Dismiss, or for a dismissed one, restore. */
  onToggleDismissed: () => void
}

/** One suggested sentence: its words (a click shows them in the article), why, and what to do with it. */
export function SuggestionItem({
  suggestion,
  active,
  canMark,
  dismissed,
  onShow,
  onMark,
  onToggleDismissed,
}: SuggestionItemProps) {
  const { quote, reasons, explanations, key } = suggestion
  const preview = active ? quote : shortQuote(quote)
  const reasonsId = useId()
  const whyId = useId()
  const why = explanationLine(explanations)
  const describedBy = [reasons.length > 0 ? reasonsId : null, why ? whyId : null].filter(Boolean).join(' ') || undefined
  return (
    <li
      className={`suggestion${active ? ' suggestion--active' : ''}${dismissed ? ' suggestion--dismissed' : ''}`}
      data-testid="suggestion"
      data-quote={quote}
      data-key={key}
    >
      <button
        type="button"
        className="suggestion__quote"
        onClick={onShow}
        title={preview === quote ? 'Show in the article' : `${quote}\n\nShow in the article`}
        aria-describedby={describedBy}
        aria-current={active ? 'true' : undefined}
        data-testid="suggestion-quote"
      >
        {preview}
      </button>
      {reasons.length > 0 && (
        <ul className="suggestion__reasons" id={reasonsId} aria-label="Checkable details">
          {reasons.map((reason) => (
            <li key={reason} className="reason-chip" title={REASONS[reason].hint}>
              {REASONS[reason].label}
            </li>
          ))}
        </ul>
      )}
      {why && (
        <p className="suggestion__why" id={whyId} data-testid="suggestion-why">
          <span className="suggestion__why-label">Why:</span> {why}
        </p>
      )}
      <div className="suggestion__actions">
        {canMark && (
          <button
            type="button"
            className="button button--small suggestion__mark"
            onClick={onMark}
            data-testid="suggestion-mark"
          >
            <MarkIcon />
            Mark as claim
          </button>
        )}
        <button
          type="button"
          className="button button--small button--quiet suggestion__dismiss"
          onClick={onToggleDismissed}
          data-testid={dismissed ? 'suggestion-restore' : 'suggestion-dismiss'}
        >
          {dismissed ? 'Restore' : 'Dismiss'}
        </button>
      </div>
    </li>
  )
}
