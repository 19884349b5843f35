import { useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { describeError } from '../../api/api'
import { publishArticle, PublishRefused, type ArticleReview } from '../../api/review'
import { Dialog } from '../../ui/Dialog'
import { Field, FormError } from '../../ui/Field'
import { formatDateTime } from '../../ui/format'
import { correctionNoteError, publicUrlError, publishStep } from './publishForm'

interface PublishDialogProps {
  articleId: string
  review: ArticleReview
  /** A claim's words by id, for the list of claims that still need approval. */
  quoteOf: (claimId: string) => string | undefined
  onOpenClaim: (claimId: string) => void
  onPublished: () => void
  onClose: () => void
}

/**
 * Publishing the article's fact-check (editors and owners). The first time it asks the public
 * address where the fact-check appears (ClaimReview's `url`); later, a correction note when
 * something changed since. While claims with a verdict are unapproved the server refuses, and
 * the dialog lists them, each one a way to it.
 */
export function PublishDialog({ articleId, review, quoteOf, onOpenClaim, onPublished, onClose }: PublishDialogProps) {
  const step = publishStep(review)
  const [url, setUrl] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<{ url?: string | null; note?: string | null }>({})
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [unapproved, setUnapproved] = useState<string[] | null>(null)
  const noteRequired = step.kind === 'again' && step.changed

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const next = {
      url: step.kind === 'first' ? publicUrlError(url) : null,
      note: step.kind === 'again' ? correctionNoteError(note, noteRequired) : null,
    }
    setErrors(next)
    if (next.url !== null || next.note !== null) return
    setPending(true)
    setError(null)
    try {
      await publishArticle(
        articleId,
        step.kind === 'first' ? { url: url.trim() } : note.trim() === '' ? {} : { note: note.trim() },
      )
      onPublished()
      onClose()
    } catch (e) {
      if (e instanceof PublishRefused) setUnapproved(e.unapproved)
      else setError(describeError(e))
      setPending(false)
    }
  }

  const title = step.kind === 'first' ? 'Publish this fact-check' : 'Publish again'
  const description =
    step.kind === 'first'
      ? 'Publishing makes the approved claims the article’s ClaimReview, dated today. Every claim with a verdict must be approved first.'
      : `Published ${formatDateTime(review.factCheckPublishedAt ?? '')}${review.lastPublishedAt !== review.factCheckPublishedAt && review.lastPublishedAt !== null ? `, last updated ${formatDateTime(review.lastPublishedAt)}` : ''}.`

  return (
    <Dialog title={title} description={description} onClose={onClose} size="medium" testId="publish-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {step.kind === 'first' ? (
          <Field
            label="Public address of the fact-check"
            hint="Where readers find it on your site. Search engines read the ClaimReview with this address."
            error={errors.url}
          >
            {(control) => (
              <input
                {...control}
                className="text-input"
                type="url"
                inputMode="url"
                autoFocus
                maxLength={LIMITS.urlMax}
                placeholder="https://news.example/fact-check/…"
                value={url}
                onChange={(e) => {
                  setUrl(e.target.value)
                  if (errors.url) setErrors({ ...errors, url: null })
                }}
                data-testid="publish-url"
              />
            )}
          </Field>
        ) : (
          <>
            {review.publishedUrl !== null && (
              <p className="publish-dialog__url">
                At{' '}
                <a href={review.publishedUrl} target="_blank" rel="noopener noreferrer">
                  {review.publishedUrl}
                </a>
              </p>
            )}
            <Field
              label="Correction note"
              aside={noteRequired ? undefined : 'optional'}
              hint={
                noteRequired
                  ? 'The article changed since it was published: the note goes into its public corrections log.'
                  : 'Nothing changed since the last publication, so nothing will be recorded.'
              }
              error={errors.note}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="text-area publish-dialog__note"
                  rows={3}
                  autoFocus
                  maxLength={LIMITS.noteMax}
                  aria-required={noteRequired}
                  placeholder="e.g. Corrected the casualty figure attributed to the ISPR."
                  value={note}
                  onChange={(e) => {
                    setNote(e.target.value)
                    if (errors.note) setErrors({ ...errors, note: null })
                  }}
                  data-testid="publish-note"
                />
              )}
            </Field>
          </>
        )}

        {unapproved !== null && (
          <div className="publish-refused" role="alert" data-testid="publish-refused">
            <p className="publish-refused__title">
              {unapproved.length === 1
                ? 'One claim with a verdict is'
                : `${unapproved.length} claims with a verdict are`}{' '}
              not approved yet
            </p>
            <p className="publish-refused__text">Approve them (or withdraw their verdicts) and publish again.</p>
            {unapproved.length > 0 && (
              <ul className="publish-refused__list">
                {unapproved.map((claimId) => (
                  <li key={claimId}>
                    <button
                      type="button"
                      className="link-button publish-refused__claim"
                      onClick={() => {
                        onOpenClaim(claimId)
                        onClose()
                      }}
                      data-testid="unapproved-claim"
                    >
                      {quoteOf(claimId) === undefined ? 'A claim no longer in this article' : `“${quoteOf(claimId)}”`}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {error !== null && <FormError>{error}</FormError>}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending} data-testid="publish-submit">
            {pending ? 'Publishing…' : step.kind === 'first' ? 'Publish' : 'Publish again'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
