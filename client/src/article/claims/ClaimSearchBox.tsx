import { useLayoutEffect, useRef, type KeyboardEvent } from 'react'

interface ClaimSearchBoxProps {
  query: string
  onChange: (query: string) => void
  /** Claims the search (and the filters) let through, of `total`: said while searching. */
  shown: number
  total: number
}

/**
 * "Search claims", above the list: every word typed must be in a claim's quote, rationale,
 * claimant or assignee (claimSearch.ts). Escape or × clears it. It is the way to find a claim
 * in a long list, which is windowed: find-in-page sees only the cards drawn.
 */
export function ClaimSearchBox({ query, onChange, shown, total }: ClaimSearchBoxProps) {
  const input = useRef<HTMLInputElement>(null)
  const root = useRef<HTMLDivElement>(null)
  const active = query.trim() !== ''
  // The list shrinks as one types: a panel scrolled down a long list would leave the box under
  // the sticky tabs (or above the top), so it is kept in view while it has the focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the query
  useLayoutEffect(() => {
    if (document.activeElement === input.current) root.current?.scrollIntoView({ block: 'nearest' })
  }, [query])
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape' || query === '') return
    // Cleared, not closed: a drawer around the list stays open for the next search.
    event.preventDefault()
    event.stopPropagation()
    onChange('')
  }
  return (
    <div ref={root} className="claim-search" role="search" data-testid="claim-search">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="claim-search__icon">
        <path
          fill="currentColor"
          d="M7 1.5a5.5 5.5 0 0 1 4.38 8.82l3.15 3.15a.75.75 0 1 1-1.06 1.06l-3.15-3.15A5.5 5.5 0 1 1 7 1.5ZM3 7a4 4 0 1 0 8 0 4 4 0 0 0-8 0Z"
        />
      </svg>
      <input
        ref={input}
        type="search"
        className="claim-search__input"
        placeholder="Search claims"
        aria-label="Search claims"
        title="Quote, rationale, claimant or assignee; every word must match"
        value={query}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      {query !== '' && (
        <button
          type="button"
          className="claim-search__clear"
          aria-label="Clear search"
          title="Clear search (Esc)"
          onClick={() => {
            onChange('')
            input.current?.focus()
          }}
        >
          ×
        </button>
      )}
      {active && shown > 0 && (
        <p className="claim-search__count" role="status" data-testid="claim-search-count">
          {shown === total ? `All ${total} match` : `${shown} of ${total} match`}
        </p>
      )}
    </div>
  )
}
