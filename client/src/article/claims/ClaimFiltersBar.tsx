import type { ReactNode } from 'react'
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
      <FilterSelect
        label="Status"
        value={filters.status}
        onChange={(status) => setFilters({ ...filters, status: status as ClaimFilters['status'] })}
      >
        {CLAIM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label="Verdict"
        value={filters.verdict}
        onChange={(verdict) => setFilters({ ...filters, verdict: verdict as ClaimFilters['verdict'] })}
      >
        <option value="unset">No verdict</option>
        {scale.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </FilterSelect>
      {features.assignees && (
        <>
          <FilterSelect
            label="Assignee"
            value={filters.assignee}
            onChange={(assignee) => setFilters({ ...filters, assignee })}
          >
            <option value="unassigned">Unassigned</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.userId === me.id ? `${m.name} (you)` : m.name}
              </option>
            ))}
          </FilterSelect>
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

interface FilterSelectProps {
  /** Read by screen readers, and the first option's text ("all" of them). */
  label: string
  value: string
  onChange: (value: string) => void
  /** The options after "all". */
  children: ReactNode
}

/** One filter: a small select whose first option, `all`, is labelled with the filter's name. */
function FilterSelect({ label, value, onChange, children }: FilterSelectProps) {
  return (
    <label className="claim-filters__field">
      <span className="visually-hidden">{label}</span>
      <select
        className="select select--small"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-active={value !== 'all'}
      >
        <option value="all">{label}</option>
        {children}
      </select>
    </label>
  )
}
