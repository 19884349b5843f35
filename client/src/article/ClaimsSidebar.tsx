import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import { useClaimSelection, useClaimsData, type ClaimView } from './claims/ClaimsController'
import { ClaimCard } from './claims/ClaimCard'
import { useClaimFromAddress } from './claims/claimLink'
import { ClaimFiltersBar } from './claims/ClaimFiltersBar'
import { ClaimSearchBox } from './claims/ClaimSearchBox'
import { matchesSearch, searchableText, searchWords } from './claims/claimSearch'
import { useClaimsEnv, useClaimsFeatures } from './claims/context'
import { ExportMenu } from './claims/ExportMenu'
import { filtersActive, matchesFilters, NO_FILTERS, type ClaimFilters } from './claims/filters'
import { modKey } from './claims/format'
import { listMoveTarget, notForList } from '../ui/listKeys'
import { useWindowedList, type WindowSegment } from '../ui/windowedList'
import { useSidebarDrawer } from '../ui/SidebarDrawer'
import { useReadMarks } from './claims/readMarks'
import { SidebarTabs, tabId, tabPanelId } from './claims/SidebarTabs'
import { claimKeyAction, nextStatus } from './claims/claimKeys'
import { ShortcutSheet } from './claims/ShortcutSheet'
import { SuggestionsPanel } from './suggestions/SuggestionsPanel'
import { useSuggestions } from './suggestions/useSuggestions'
import { HistoryPanel } from './history/HistoryPanel'
import { ActivityPanel } from './history/ActivityPanel'
import './claims/claims.css'

type SidebarView = 'claims' | 'suggestions' | 'history' | 'activity'

/**
 * The claims column: every claim of the article as a card, in text order, with the
 * claims whose words are gone in a group of their own. j/k or ↑/↓ move between cards
 * while the list has focus; Enter opens one. Where suggestions are on (not in workshops),
 * a second tab lists the sentences still worth marking. A long list is windowed
 * (ui/windowedList): only the cards near the view are drawn, plus the open and the focused one.
 */
export function ClaimsSidebar() {
  const { controller, me, canWrite, article, scale, members } = useClaimsEnv()
  const [showingKeys, setShowingKeys] = useState(false)
  const features = useClaimsFeatures()
  const data = useClaimsData(controller)
  const { selectedId, revealCard } = useClaimSelection(controller)
  const suggestions = useSuggestions(controller.ydoc, me.id, article.id, features.suggestions)
  const [view, setView] = useState<SidebarView>('claims')
  const offered = (v: SidebarView) => v === 'claims' || (v === 'suggestions' ? features.suggestions : features.history)
  const showing: SidebarView = offered(view) ? view : 'claims'
  const tabbed = features.suggestions || features.history
  const reads = useReadMarks(me.id)
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS)
  const [query, setQuery] = useState('')
  const listRef = useRef<HTMLDivElement>(null)
  const inTextRef = useRef<HTMLOListElement>(null)
  const detachedRef = useRef<HTMLOListElement>(null)
  /** The card whose head has focus (kept drawn while scrolled away), and one the keyboard moves to next. */
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [focusNext, setFocusNext] = useState<string | null>(null)

  const total = data.inText.length + data.detached.length
  const words = useMemo(() => searchWords(query), [query])
  const found = useMemo(() => {
    const names = new Map(members.map((m) => [m.userId, m.name]))
    return (v: ClaimView) =>
      words.length === 0 ||
      matchesSearch(
        searchableText(v.claim, (id) => names.get(id)),
        words,
      )
  }, [words, members])
  const { inText, detached } = useMemo(() => {
    const listed = (v: ClaimView) => matchesFilters(v, filters, me.id) && found(v)
    return { inText: data.inText.filter(listed), detached: data.detached.filter(listed) }
  }, [data, filters, me.id, found])
  const shown = inText.length + detached.length
  const searching = words.length > 0

  // A claim opened from the text must be visible even if the filters would hide it.
  const selectedView = selectedId === null ? undefined : data.byId.get(selectedId)
  const selectedHidden = selectedView !== undefined && !matchesFilters(selectedView, filters, me.id)
  useEffect(() => {
    if (selectedHidden) setFilters(NO_FILTERS)
  }, [selectedHidden])
  // And a claim opened while a search hides it ends the search; a search typed while a claim
  // is open keeps it (its card is then not listed).
  const openedAt = useRef(selectedId)
  const searchHidesSelected = selectedView !== undefined && !found(selectedView)
  useEffect(() => {
    if (selectedId === openedAt.current) return
    openedAt.current = selectedId
    if (searchHidesSelected) setQuery('')
  }, [selectedId, searchHidesSelected])

  // A claim opened from the text (a click on its words, a mark from a selection) shows its card.
  const drawer = useSidebarDrawer()
  const showPanel = useRef(drawer?.show)
  showPanel.current = drawer?.show
  useEffect(() => {
    if (revealCard === 0) return
    setView('claims')
    // On a narrow window the panel is a drawer: open it over the text rather than scroll to it.
    showPanel.current?.()
  }, [revealCard])

  // Opened at a claim (`/a/:id?claim=…`, a "Seen before" link): that card, in the Marked tab.
  const showClaims = useCallback(() => {
    setView('claims')
    showPanel.current?.()
  }, [])
  useClaimFromAddress(controller, data.byId, showClaims)

  const openClaim = (claimId: string) => {
    setView('claims')
    controller.open(claimId, 'sidebar')
  }

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (notForList(event)) return
    const target = event.target as HTMLElement
    const onClosedHead = target.matches('[data-claim-head]') && target.getAttribute('aria-expanded') === 'false'
    if (event.key === 'Escape' && onClosedHead) {
      // A second Escape: back to the claim's words in the text (Ctrl+Shift+Enter comes here again).
      // Left to bubble, so a drawer over the text closes as well.
      const id = target.closest<HTMLElement>('[data-claim-card]')?.dataset.claimId
      if (id !== undefined) controller.focusTextAt(id)
      return
    }
    if (event.key === 'Escape' && selectedId !== null) {
      // Close the open card and land on its head, ready for j/k.
      event.preventDefault()
      const head = target.closest('[data-claim-card]')?.querySelector<HTMLElement>('[data-claim-head]')
      controller.open(null, 'sidebar')
      head?.focus()
      return
    }
    const card = target.closest<HTMLElement>('[data-claim-card]')
    // By position in the whole list, not among the cards drawn: the next card may be a spacer yet.
    const order = [...inText, ...detached]
    const from = card === null ? -1 : order.findIndex((v) => v.claim.id === card.dataset.claimId)
    const to = listMoveTarget(event.key, from, order.length)
    if (to !== null) {
      event.preventDefault()
      setFocusNext(order[to]!.claim.id)
      return
    }
    const action = claimKeyAction(event.key, scale.length)
    if (action === null) return
    if (action.kind === 'help') {
      event.preventDefault()
      return setShowingKeys(true)
    }
    const claimId = card?.dataset.claimId
    const view = claimId === undefined ? undefined : data.byId.get(claimId)
    if (card === null || view === undefined || !canWrite) return
    event.preventDefault()
    // The card's own controls do the work (status steps may ask the server for a review),
    // so a key and a click can never disagree; opening the card first puts them on screen.
    const press = (selector: string) => card.querySelector<HTMLElement>(selector)?.click()
    const inOpenCard = (then: () => void) => {
      if (selectedId !== view.claim.id) controller.open(view.claim.id, 'sidebar')
      requestAnimationFrame(then)
    }
    switch (action.kind) {
      case 'verdict':
        return controller.requestVerdict(view.claim.id, scale[action.index]!.id)
      case 'status':
        return inOpenCard(() => press(`[data-status-step="${nextStatus(view.claim.status, action.step)}"]`))
      case 'evidence':
        return inOpenCard(() => press('[data-testid="add-evidence"]'))
      case 'comment':
        return inOpenCard(() => card.querySelector<HTMLElement>('[data-testid="comment-input"]')?.focus())
    }
  }

  // The card the keyboard moved to: focused once drawn (at once when it already is).
  useLayoutEffect(() => {
    if (focusNext === null) return
    const head = listRef.current?.querySelector<HTMLElement>(
      `[data-claim-card][data-claim-id="${CSS.escape(focusNext)}"] [data-claim-head]`,
    )
    if (head === null || head === undefined) return
    setFocusNext(null)
    head.focus({ preventScroll: true })
    head.scrollIntoView({ block: 'nearest' })
  })

  const pinnedIn = (views: readonly ClaimView[]) =>
    [selectedId, focusedId, focusNext].flatMap((id) => {
      const i = id === null ? -1 : views.findIndex((v) => v.claim.id === id)
      return i === -1 ? [] : [i]
    })
  const inTextWindow = useWindowedList({
    count: inText.length,
    keyOf: (i) => inText[i]!.claim.id,
    listRef: inTextRef,
    pinned: pinnedIn(inText),
  })
  const detachedWindow = useWindowedList({
    count: detached.length,
    keyOf: (i) => detached[i]!.claim.id,
    listRef: detachedRef,
    pinned: pinnedIn(detached),
  })

  const renderList = (views: readonly ClaimView[], segments: WindowSegment[]) =>
    segments.flatMap((segment) =>
      segment.kind === 'gap'
        ? [<li key={segment.key} aria-hidden="true" data-window-gap="" style={{ height: segment.height }} />]
        : views
            .slice(segment.from, segment.to)
            .map((view, offset) => (
              <ListedCard
                key={view.claim.id}
                view={view}
                open={view.claim.id === selectedId}
                unread={reads.unread(view.claim.id, view.claim.comments)}
                markRead={reads.markRead}
                position={{ index: segment.from + offset + 1, of: views.length }}
              />
            )),
    )

  const onListFocus = (event: FocusEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-claim-card]')?.dataset.claimId ?? null
    setFocusedId(id)
  }

  return (
    <section className="claims-sidebar keycaps" aria-labelledby="claims-heading" data-testid="claims-sidebar">
      <header className="claims-sidebar__header">
        <h2 id="claims-heading" className="panel-heading claims-sidebar__title">
          Claims
          {/* With tabs, their counts say it (Marked n, Suggested m): one count per number. */}
          {!tabbed && (
            <span className="panel-heading__count" data-testid="claims-count">
              {total}
            </span>
          )}
        </h2>
        {features.exports && <ExportMenu empty={total === 0} />}
      </header>

      {tabbed && (
        <SidebarTabs<SidebarView>
          label="Claims, suggestions, history and activity"
          selected={showing}
          onSelect={setView}
          tabs={[
            { id: 'claims', label: 'Marked', count: total },
            ...(features.suggestions
              ? [{ id: 'suggestions' as const, label: 'Suggested', count: suggestions.shown.length }]
              : []),
            ...(features.history
              ? [
                  { id: 'history' as const, label: 'History' },
                  { id: 'activity' as const, label: 'Activity' },
                ]
              : []),
          ]}
        />
      )}

      {showing === 'history' || showing === 'activity' ? (
        <div
          className="claims-sidebar__panel"
          role="tabpanel"
          id={tabPanelId(showing)}
          aria-labelledby={tabId(showing)}
        >
          {showing === 'history' ? <HistoryPanel /> : <ActivityPanel />}
        </div>
      ) : showing === 'suggestions' ? (
        <div
          className="claims-sidebar__panel"
          role="tabpanel"
          id={tabPanelId('suggestions')}
          aria-labelledby={tabId('suggestions')}
        >
          <SuggestionsPanel suggestions={suggestions} claimCount={total} onOpenClaim={openClaim} />
        </div>
      ) : (
        <div
          className="claims-sidebar__panel"
          {...(tabbed ? { role: 'tabpanel', id: tabPanelId('claims'), 'aria-labelledby': tabId('claims') } : {})}
        >
          {total > 0 && <ClaimSearchBox query={query} onChange={setQuery} shown={shown} total={total} />}
          {total > 0 && <ClaimFiltersBar filters={filters} onChange={setFilters} shown={shown} total={total} />}

          {total === 0 ? (
            <div className="claims-sidebar__empty" data-testid="claims-empty">
              <p className="claims-sidebar__empty-title">No claims yet</p>
              {canWrite ? (
                <p>
                  Select a statement in the article and choose <strong>Mark as claim</strong> (or press{' '}
                  <kbd>{modKey()}</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd>). Each claim gets a card here for its evidence,
                  verdict and discussion.
                </p>
              ) : (
                <p>{features.noClaimsReadOnly}</p>
              )}
            </div>
          ) : (
            // biome-ignore lint/a11y/noStaticElementInteractions: the list container takes the arrow keys for the cards inside it (roving focus); the cards are the interactive elements
            <div
              className="claims-sidebar__lists"
              ref={listRef}
              onKeyDown={onListKeyDown}
              onFocus={onListFocus}
              aria-describedby="claims-keys-hint"
            >
              <p id="claims-keys-hint" className="visually-hidden">
                Use J and K or the arrow keys to move between claims, Enter to open one, Escape to close it. S steps the
                status, 1 to {scale.length} picks a verdict, E adds evidence, C writes a comment, question mark lists
                every key.
              </p>
              {shown === 0 &&
                (searching ? (
                  <div className="claims-sidebar__none" role="status" data-testid="claim-search-none">
                    <p className="claims-sidebar__none-title">No claims match “{query.trim()}”</p>
                    <p>
                      Every word must be in a claim’s quote, rationale, claimant or assignee.{' '}
                      <button type="button" className="link-button" onClick={() => setQuery('')}>
                        Clear search
                      </button>
                      {filtersActive(filters) && (
                        <>
                          {' · '}
                          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
                            Clear filters
                          </button>
                        </>
                      )}
                    </p>
                  </div>
                ) : (
                  <p className="claims-sidebar__none" role="status">
                    No claim matches these filters.
                  </p>
                ))}
              {inText.length > 0 && (
                <ol
                  ref={inTextRef}
                  className="claim-list"
                  aria-label="Claims in text order"
                  data-testid="claim-list"
                  data-windowed={inTextWindow.windowed}
                >
                  {renderList(inText, inTextWindow.segments)}
                </ol>
              )}
              {detached.length > 0 && (
                <section
                  className="claims-detached"
                  aria-labelledby="claims-detached-heading"
                  data-testid="claims-detached"
                >
                  <h3 id="claims-detached-heading" className="claims-detached__title">
                    Detached — words no longer in the text
                  </h3>
                  <p className="claims-detached__hint">
                    Kept with their evidence and verdicts. Each one re-attaches by itself when its words are back in the
                    article (undo, paste).
                  </p>
                  <ol ref={detachedRef} className="claim-list" data-windowed={detachedWindow.windowed}>
                    {renderList(detached, detachedWindow.segments)}
                  </ol>
                </section>
              )}
            </div>
          )}
          {total > 0 && (
            <button
              type="button"
              className="link-button claims-sidebar__keys"
              onClick={() => setShowingKeys(true)}
              data-testid="show-shortcuts"
            >
              Keyboard shortcuts <kbd>?</kbd>
            </button>
          )}
        </div>
      )}
      {showingKeys && <ShortcutSheet onClose={() => setShowingKeys(false)} />}
    </section>
  )
}

interface ListedCardProps {
  view: ClaimView
  open: boolean
  unread: number
  markRead: (claimId: string, comments: ClaimView['claim']['comments']) => void
  position: { index: number; of: number }
}

/**
 * One card of the list, drawn again only when its own props change: the controller keeps a
 * claim's view object while the claim is unchanged, so a change to one claim of 2,000 renders one card.
 */
const ListedCard = memo(
  function ListedCard({ view, open, unread, markRead, position }: ListedCardProps) {
    const { claim } = view
    const onRead = useCallback(() => markRead(claim.id, claim.comments), [markRead, claim])
    return <ClaimCard view={view} open={open} unread={unread} onRead={onRead} position={position} />
  },
  (a, b) =>
    a.view === b.view &&
    a.open === b.open &&
    a.unread === b.unread &&
    a.markRead === b.markRead &&
    a.position.index === b.position.index &&
    a.position.of === b.position.of,
)
