import type { ClaimChange, Changes, TextOp } from '../../api/history'

/** A kept stretch longer than this shows only its ends: the changes are what the reader looks for. */
const KEEP_CONTEXT = 90

const CHANGE_LABEL: Record<ClaimChange['change'], string> = {
  added: 'Claim added',
  removed: 'Claim deleted',
  verdict: 'Verdict',
  rationale: 'Rationale',
  evidence: 'Evidence',
  status: 'Status',
  comment: 'Comment',
}

function KeptText({ text, first, last }: { text: string; first: boolean; last: boolean }) {
  if (text.length <= KEEP_CONTEXT * 2) return <span>{text}</span>
  const head = first ? '' : text.slice(0, KEEP_CONTEXT)
  const tail = last ? '' : text.slice(-KEEP_CONTEXT)
  return (
    <span>
      {head}
      <span className="changes__gap">
        <span aria-hidden="true"> … </span>
        <span className="visually-hidden">(unchanged text left out)</span>
      </span>
      {tail}
    </span>
  )
}

function TextDiff({ ops }: { ops: TextOp[] }) {
  if (!ops.some((o) => o.op !== 'keep')) return <p className="changes__none">The text did not change.</p>
  return (
    <p className="changes__text" data-testid="changes-text">
      {ops.map((op, i) =>
        op.op === 'insert' ? (
          <ins key={i} className="changes__ins">
            {op.text}
          </ins>
        ) : op.op === 'delete' ? (
          <del key={i} className="changes__del">
            {op.text}
          </del>
        ) : (
          <KeptText key={i} text={op.text} first={i === 0} last={i === ops.length - 1} />
        ),
      )}
    </p>
  )
}

function beforeAfter(change: ClaimChange): string {
  if (change.change === 'added' || change.change === 'removed') return ''
  if (change.before !== undefined && change.after !== undefined) return `${change.before} → ${change.after}`
  if (change.after !== undefined)
    return change.change === 'evidence' || change.change === 'comment'
      ? `added: ${change.after}`
      : `set to ${change.after}`
  if (change.before !== undefined)
    return change.change === 'evidence' ? `removed: ${change.before}` : `cleared (was ${change.before})`
  return ''
}

interface ChangesViewProps {
  changes: Changes
  /** Restores one deleted claim from the `from` version; absent when the caller may not. */
  onRestoreClaim?: (claimId: string) => void
  restoring: string | null
}

/** The changes between two versions: claim by claim, each with who did it, then the text. */
export function ChangesView({ changes, onRestoreClaim, restoring }: ChangesViewProps) {
  return (
    <div className="changes" data-testid="changes-view">
      <h4 className="history__subheading">Claims</h4>
      {changes.claims.length === 0 ? (
        <p className="changes__none">No claim changed.</p>
      ) : (
        <ul className="changes__claims">
          {changes.claims.map((c, i) => (
            <li
              key={`${c.claimId}-${c.change}-${i}`}
              className={`changes__claim changes__claim--${c.change}`}
              data-testid="claim-change"
              data-change={c.change}
              data-claim-id={c.claimId}
            >
              <p className="changes__what">
                <strong>{CHANGE_LABEL[c.change]}</strong> {beforeAfter(c)}
              </p>
              <p className="changes__quote">“{c.quote}”</p>
              <p className="changes__by">{c.by === undefined ? 'Who: not recorded' : `by ${c.by.name}`}</p>
              {c.change === 'removed' && onRestoreClaim !== undefined && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={restoring !== null}
                  onClick={() => onRestoreClaim(c.claimId)}
                  data-testid="restore-claim"
                >
                  {restoring === c.claimId ? 'Restoring…' : 'Restore this claim'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h4 className="history__subheading">Text</h4>
      <TextDiff ops={changes.text} />
    </div>
  )
}
