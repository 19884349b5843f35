import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { CLAIM_STATUSES } from '@fc/shared/schema/index'
import { useClaimSelection, useClaimsData, type ClaimView } from './ClaimsController'
import { ClaimCard } from './ClaimCard'
import { useClaimsEnv, useClaimsFeatures } from './context'
import { ExportMenu } from './ExportMenu'
import { filtersActive, matchesFilters, NO_FILTERS, type ClaimFilters } from './filters'
import { modKey, STATUS_LABELS } from './format'
import { useReadMarks } from './readMarks'
import './claims.css'

/**
 * The claims column: every claim of the article as a card, in text order, with the
 * claims whose words are gone in a group of their own. j/k or ↑/↓ move between cards
 * while the list has focus; Enter opens one.
 */
export function ClaimsSidebar() {
  const { controller, me, members, scale, canWrite } = useClaimsEnv()
  const features = useClaimsFeatures()
  const data = useClaimsData(controller)
  const { selectedId } = useClaimSelection(controller)
  const reads = useReadMarks(me.id)
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS)
  const listRef = useRef<HTMLDivElement>(null)

  const total = data.inText.length + data.detached.length
  const active = filtersActive(filters)
  const inText = useMemo(() => data.inText.filter((v) => matchesFilters(v, filters, me.id)), [data, filters, me.id])
  const detached = useMemo(() => data.detached.filter((v) => matchesFilters(v, filters, me.id)), [data, filters, me.id])
  const shown = inText.length + detached.length

  // A claim opened from the text must be visible even if the filters would hide it.
  const selectedHidden = selectedId !== null && data.byId.has(selectedId) && ![...inText, ...detached].some((v) => v.claim.id === selectedId)
  useEffect(() => {
    if (selectedHidden) setFilters(NO_FILTERS)
  }, [selectedHidden])

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'Escape' && selectedId !== null) {
      // Close the open card and land on its head, ready for j/k.
      event.preventDefault()
      const head = target.closest('[data-claim-card]')?.querySelector<HTMLElement>('[data-claim-head]')
      controller.open(null, 'sidebar')
      head?.focus()
      return
    }
    const step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0
    const edge = event.key === 'Home' ? 'first' : event.key === 'End' ? 'last' : null
    if (step === 0 && edge === null) return
    const heads = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-claim-head]') ?? [])]
    if (heads.length === 0) return
    event.preventDefault()
    const card = target.closest('[data-claim-card]')
    const index = card === null ? -1 : heads.findIndex((h) => card.contains(h))
    const next =
      edge === 'first' ? 0 : edge === 'last' ? heads.length - 1 : index === -1 ? (step > 0 ? 0 : heads.length - 1) : index + step
    const head = heads[Math.max(0, Math.min(heads.length - 1, next))]
    head?.focus()
    head?.scrollIntoView({ block: 'nearest' })
  }

  const renderCard = (view: ClaimView) => (
    <ClaimCard
      key={view.claim.id}
      view={view}
      open={view.claim.id === selectedId}
      unread={reads.unread(view.claim.id, view.claim.comments)}
      onRead={() => reads.markRead(view.claim.id, view.claim.comments)}
    />
  )

  return (
    <section className="claims-sidebar" aria-labelledby="claims-heading" data-testid="claims-sidebar">
      <header className="claims-sidebar__header">
        <h2 id="claims-heading" className="panel-heading claims-sidebar__title">
          Claims <span className="panel-heading__count" data-testid="claims-count">{total}</span>
        </h2>
        {features.exports && <ExportMenu empty={total === 0} />}
      </header>

      {total > 0 && (
        <div className="claim-filters" role="group" aria-label="Filter claims">
          <label className="claim-filters__field">
            <span className="visually-hidden">Status</span>
            <select
              className="select select--small"
              value={filters.status}
              onChange={(e) => setFilters({ ...filters, status: e.target.value as ClaimFilters['status'] })}
              data-active={filters.status !== 'all'}
            >
              <option value="all">Status</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="claim-filters__field">
            <span className="visually-hidden">Verdict</span>
            <select
              className="select select--small"
              value={filters.verdict}
              onChange={(e) => setFilters({ ...filters, verdict: e.target.value as ClaimFilters['verdict'] })}
              data-active={filters.verdict !== 'all'}
            >
              <option value="all">Verdict</option>
              <option value="unset">No verdict</option>
              {scale.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          {features.assignees && (
            <>
              <label className="claim-filters__field">
                <span className="visually-hidden">Assignee</span>
                <select
                  className="select select--small"
                  value={filters.assignee}
                  onChange={(e) => setFilters({ ...filters, assignee: e.target.value })}
                  data-active={filters.assignee !== 'all'}
                >
                  <option value="all">Assignee</option>
                  <option value="unassigned">Unassigned</option>
                  {members.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.userId === me.id ? `${m.name} (you)` : m.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="filter-toggle"
                aria-pressed={filters.mine}
                title="Only claims assigned to you"
                onClick={() => setFilters({ ...filters, mine: !filters.mine })}
              >
                Mine
              </button>
            </>
          )}
          {active && (
            <p className="claim-filters__summary" role="status">
              {shown} of {total} shown ·{' '}
              <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            </p>
          )}
        </div>
      )}

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
            <p>When the checkers in this workspace mark claims in the article, they appear here in text order.</p>
          )}
        </div>
      ) : (
        <div
          className="claims-sidebar__lists"
          ref={listRef}
          onKeyDown={onListKeyDown}
          aria-describedby="claims-keys-hint"
        >
          <p id="claims-keys-hint" className="visually-hidden">
            Use J and K or the arrow keys to move between claims, Enter to open one, Escape to close it.
          </p>
          {shown === 0 && (
            <p className="claims-sidebar__none" role="status">
              No claim matches these filters.
            </p>
          )}
          {inText.length > 0 && (
            <ol className="claim-list" aria-label="Claims in text order" data-testid="claim-list">
              {inText.map(renderCard)}
            </ol>
          )}
          {detached.length > 0 && (
            <section className="claims-detached" aria-labelledby="claims-detached-heading" data-testid="claims-detached">
              <h3 id="claims-detached-heading" className="claims-detached__title">
                Detached — words no longer in the text
              </h3>
              <p className="claims-detached__hint">
                Kept with their evidence and verdicts. Each one re-attaches by itself when its words are back in the
                article (undo, paste).
              </p>
              <ol className="claim-list">{detached.map(renderCard)}</ol>
            </section>
          )}
        </div>
      )}
    </section>
  )
}
