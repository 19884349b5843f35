import { CLAIM_STATUSES } from '@fc/shared/schema/index'
import { useClaimsEnv, useClaimsFeatures } from './context'
import { filtersActive, NO_FILTERS, type ClaimFilters } from './filters'
import { STATUS_LABELS } from './format'

interface ClaimFiltersBarProps {
  filters: ClaimFilters
  onChange: (filters: ClaimFilters) => void
  /** Claims the filters let through, of `total`: said when any filter is on. */
  shown: number
  total: number
}

/** The claims list's filters in one compact row: status, verdict, assignee, mine. */
export function ClaimFiltersBar({ filters, onChange: setFilters, shown, total }: ClaimFiltersBarProps) {
  const { me, members, scale } = useClaimsEnv()
  const features = useClaimsFeatures()
  const active = filtersActive(filters)
  return (
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
  )
}
