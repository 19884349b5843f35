import type { ClaimStatus, VerdictId } from '@fc/shared/schema/index'
import type { ClaimView } from './ClaimsController'

export interface ClaimFilters {
  status: ClaimStatus | 'all'
  verdict: VerdictId | 'unset' | 'all'
  /** A user id, `unassigned`, or `all`. */
  assignee: string
  /** Only claims assigned to me. */
  mine: boolean
}

export const NO_FILTERS: ClaimFilters = { status: 'all', verdict: 'all', assignee: 'all', mine: false }

export function filtersActive(filters: ClaimFilters): boolean {
  return filters.status !== 'all' || filters.verdict !== 'all' || filters.assignee !== 'all' || filters.mine
}

export function matchesFilters(view: ClaimView, filters: ClaimFilters, meId: string): boolean {
  const { claim } = view
  if (filters.status !== 'all' && claim.status !== filters.status) return false
  if (
    filters.verdict === 'unset'
      ? claim.verdict !== undefined
      : filters.verdict !== 'all' && claim.verdict !== filters.verdict
  ) {
    return false
  }
  if (
    filters.assignee === 'unassigned'
      ? claim.assignee !== undefined
      : filters.assignee !== 'all' && claim.assignee !== filters.assignee
  ) {
    return false
  }
  if (filters.mine && claim.assignee !== meId) return false
  return true
}
