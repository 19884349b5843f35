import { verdictLabel, type ClaimStatus, type Stance, type VerdictId, type VerdictScale } from '@fc/shared/schema/index'
import { STANCE_LABELS, STATUS_LABELS } from './format'
import { verdictKey } from './verdictStyle'

export function VerdictChip({ verdict, scale }: { verdict: VerdictId | undefined; scale: VerdictScale }) {
  return (
    <span
      className={`verdict-chip verdict-chip--${verdictKey(verdict)}`}
      data-testid="verdict-chip"
      data-verdict={verdict ?? ''}
    >
      <span className="verdict-chip__dot" aria-hidden="true" />
      {verdict === undefined ? 'No verdict' : verdictLabel(scale, verdict)}
    </span>
  )
}

export function StatusPill({ status }: { status: ClaimStatus }) {
  return (
    <span className={`status-pill status-pill--${status}`} data-testid="claim-status" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  )
}

export function StanceChip({ stance }: { stance: Stance }) {
  return <span className={`stance-chip stance-chip--${stance}`}>{STANCE_LABELS[stance]}</span>
}
