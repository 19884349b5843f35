import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useClaimsEnv } from '../claims/context'
import { moveInList, notForList } from '../../ui/listKeys'
import { SuggestionItem } from './SuggestionItem'
import type { ListedSuggestion, SuggestionsState } from './useSuggestions'
import './suggestions.css'

interface SuggestionsPanelProps {
  suggestions: SuggestionsState
  /** Claims in the document (the sidebar counts them already): what the empty list says. */
  claimCount: number
  /** Shows a claim's card (in the claims view): "Open the claim" after marking one. */
  onOpenClaim: (claimId: string) => void
}

type Outcome = { kind: 'marked'; claimId: string } | { kind: 'refused'; reason: string }

/**
 * The sentences the system finds worth checking that no claim covers yet, in text order:
 * a checker works down the list, marking or dismissing each. Marking keeps them here, on
 * the next suggestion, rather than jumping to the new claim's card.
 *
 * Keys, as in the claims list (listKeys): j/k or ↓/↑ select the next or previous suggestion
 * and light its words up in the text; Enter on its words marks it (for those who may), x or
 * Delete dismisses it. Focus and the selection then move on to the next one.
 */
export function SuggestionsPanel({ suggestions, claimCount, onOpenClaim }: SuggestionsPanelProps) {
  const { controller, canWrite } = useClaimsEnv()
  const { shown, dismissed, dismiss, restore } = suggestions
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  // Where focus goes once the item acted on has left the list: the one after it (or before),
  // so the keyboard stays in the list instead of falling back to the top of the page.
  const focusNext = useRef<{ from: string; to: string | null } | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after every render on purpose: it moves focus once the list has changed
  useEffect(() => {
    const pending = focusNext.current
    const panel = panelRef.current
    if (pending === null || panel === null) return
    if (shown.some((s) => s.key === pending.from)) return // a claim's sentence leaves on the next change
    focusNext.current = null
    const focused = document.activeElement
    if (focused !== null && focused !== document.body && !panel.contains(focused)) return // they moved on
    const byKey = (key: string) =>
      panel.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"] [data-testid="suggestion-quote"]`)
    const target =
      (pending.to === null ? null : byKey(pending.to)) ??
      panel.querySelector<HTMLElement>('[data-testid="suggestion-quote"]') ??
      panel.querySelector<HTMLElement>('[data-testid="suggestions-empty"]')
    target?.focus()
    // The selection goes along with the focus: the next one is lit up, ready for Enter or x.
    const next = itemOf(target ?? null)
    if (next !== undefined) show(next)
  }, [shown])

  /** The suggestion of the list an element belongs to. */
  const itemOf = (element: Element | null): ListedSuggestion | undefined => {
    const key = element?.closest<HTMLElement>('[data-testid="suggestion"]')?.dataset.key
    return key === undefined ? undefined : shown.find((s) => s.key === key)
  }

  const rememberNext = (item: ListedSuggestion) => {
    const at = shown.findIndex((s) => s.key === item.key)
    focusNext.current = { from: item.key, to: (shown[at + 1] ?? shown[at - 1])?.key ?? null }
  }

  const mark = (item: ListedSuggestion, isDismissed: boolean) => {
    const result = controller.markText({ from: item.start, to: item.end, quote: item.quote })
    if (!result.ok) {
      setOutcome({ kind: 'refused', reason: result.reason })
      return
    }
    if (isDismissed)
      restore(item.quote) // marked after all: no longer dismissed either
    else rememberNext(item)
    setOutcome({ kind: 'marked', claimId: result.claimId })
    if (activeKey === item.key) setActiveKey(null)
  }

  const toggleDismissed = (item: ListedSuggestion, isDismissed: boolean) => {
    setOutcome(null)
    if (isDismissed) {
      restore(item.quote)
      return
    }
    rememberNext(item)
    if (activeKey === item.key) setActiveKey(null)
    dismiss(item.quote)
  }

  const show = (item: ListedSuggestion) => {
    setActiveKey(item.key)
    controller.revealText({ from: item.start, to: item.end, quote: item.quote })
  }

  const onListKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (notForList(event)) return
    const target = event.target as HTMLElement
    const item = itemOf(target)
    const onWords = target.matches('[data-testid="suggestion-quote"]')
    // Enter on a button (Mark, Dismiss) does what the button says; on the words it marks.
    const act = (event.key === 'Enter' && onWords && canWrite) || event.key === 'x' || event.key === 'Delete'
    if (act && item !== undefined) {
      event.preventDefault()
      if (event.repeat) return // a held key does not work through the whole list
      if (event.key === 'Enter') mark(item, false)
      else toggleDismissed(item, false)
      return
    }
    const quotes = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-testid="suggestion-quote"]') ?? [])]
    const row = target.closest('[data-testid="suggestion"]')
    const moved = moveInList(event, quotes, row === null ? -1 : quotes.findIndex((q) => row.contains(q)))
    const next = itemOf(moved)
    if (next !== undefined) show(next)
  }

  const renderItem = (item: ListedSuggestion, isDismissed: boolean) => (
    <SuggestionItem
      key={item.key}
      suggestion={item}
      active={item.key === activeKey}
      canMark={canWrite}
      dismissed={isDismissed}
      onShow={() => show(item)}
      onMark={() => mark(item, isDismissed)}
      onToggleDismissed={() => toggleDismissed(item, isDismissed)}
    />
  )

  return (
    <div className="suggestions" ref={panelRef} data-testid="suggestions-panel">
      {shown.length > 0 && (
        <p className="suggestions__intro">
          Sentences with figures, attributions or superlatives that no claim covers yet, in text order. Click one to
          find it in the article.
        </p>
      )}
      {!canWrite && (
        <p className="suggestions__read-only" data-testid="suggestions-read-only">
          You can read this article but not mark claims in it.
        </p>
      )}

      <p
        className={`suggestions__status${outcome?.kind === 'refused' ? ' suggestions__status--refused' : ''}`}
        role="status"
      >
        {outcome?.kind === 'marked' && (
          <>
            Marked as a claim.{' '}
            <button type="button" className="link-button" onClick={() => onOpenClaim(outcome.claimId)}>
              Open the claim
            </button>
          </>
        )}
        {outcome?.kind === 'refused' && outcome.reason}
      </p>

      {shown.length === 0 ? (
        <div className="claims-sidebar__empty suggestions__empty" tabIndex={-1} data-testid="suggestions-empty">
          <p className="claims-sidebar__empty-title">No check-worthy sentences left</p>
          <p>{emptyReason(dismissed.length > 0, claimCount > 0)}</p>
        </div>
      ) : (
        <>
          <p id="suggestions-keys-hint" className="visually-hidden">
            Use J and K or the arrow keys to move between suggestions and find each in the article
            {canWrite ? ', Enter to mark one as a claim' : ''}, X or Delete to dismiss it.
          </p>
          <ol
            className="suggestion-list"
            aria-label="Suggested claims"
            aria-describedby="suggestions-keys-hint"
            ref={listRef}
            onKeyDown={onListKeyDown}
            data-testid="suggestion-list"
          >
            {shown.map((item) => renderItem(item, false))}
          </ol>
        </>
      )}

      {dismissed.length > 0 && <DismissedSection dismissed={dismissed} renderItem={(item) => renderItem(item, true)} />}
    </div>
  )
}

/**
 * The dismissed suggestions, folded away until asked for. Mounted only while there are
 * some: when the last one is restored, the next dismissal starts out of sight again.
 */
function DismissedSection({
  dismissed,
  renderItem,
}: {
  dismissed: readonly ListedSuggestion[]
  renderItem: (item: ListedSuggestion) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  return (
    <section className="suggestions__dismissed" aria-label="Dismissed suggestions">
      <button
        type="button"
        className="link-button suggestions__dismissed-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="suggestions-show-dismissed"
      >
        {open ? 'Hide' : 'Show'} {dismissed.length} dismissed
      </button>
      {open && (
        <ol className="suggestion-list" data-testid="dismissed-list">
          {dismissed.map(renderItem)}
        </ol>
      )}
    </section>
  )
}

function emptyReason(someDismissed: boolean, someClaims: boolean): string {
  if (someDismissed)
    return 'Every sentence with a figure, an attribution or a superlative is covered by a claim or dismissed.'
  if (someClaims) return 'Every sentence with a figure, an attribution or a superlative is covered by a claim.'
  return 'This article has no sentence with a figure, an attribution or a superlative.'
}
