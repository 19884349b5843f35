import { describeError } from '../../api/api'
import { fetchCorrections } from '../../api/review'
import { Dialog } from '../../ui/Dialog'
import { formatDateTime } from '../../ui/format'
import { InlineState } from '../../ui/InlineState'
import { useResource } from '../../ui/useResource'
import { plural } from '../claims/format'

/** The article's corrections log: every republication after changes, with its note (newest first). */
export function CorrectionsDialog({
  articleId,
  quoteOf,
  onClose,
}: {
  articleId: string
  quoteOf: (claimId: string) => string | undefined
  onClose: () => void
}) {
  const corrections = useResource(() => fetchCorrections(articleId), articleId)
  return (
    <Dialog
      title="Corrections"
      description="Each time the fact-check was published again after a change, with the note readers see."
      onClose={onClose}
      size="medium"
      testId="corrections-dialog"
    >
      {corrections.status === 'loading' && <InlineState tone="loading" title="Loading the corrections…" />}
      {corrections.status === 'failed' && (
        <InlineState
          tone="error"
          title="The corrections could not be loaded"
          action={{ label: 'Try again', onClick: corrections.reload }}
        >
          {describeError(corrections.error)}
        </InlineState>
      )}
      {corrections.status === 'ready' &&
        (corrections.data.length === 0 ? (
          <p className="corrections__empty" data-testid="corrections-empty">
            No corrections: the fact-check has not changed since it was first published.
          </p>
        ) : (
          <ol className="corrections" data-testid="corrections-list">
            {[...corrections.data]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((c) => (
                <li key={`${c.at}-${c.by.id}`} className="corrections__item">
                  <p className="corrections__head">
                    <time dateTime={c.at}>{formatDateTime(c.at)}</time> · {c.by.name}
                  </p>
                  <p className="corrections__note">{c.note}</p>
                  {c.claims.length > 0 && (
                    <p className="corrections__claims" title={c.claims.map((id) => quoteOf(id) ?? id).join('\n')}>
                      {plural(c.claims.length, 'claim')} changed
                    </p>
                  )}
                </li>
              ))}
          </ol>
        ))}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
