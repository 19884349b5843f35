import { useState } from 'react'
import { canReview } from '../../api/types'
import { formatDate, formatDateTime } from '../../ui/format'
import { useReview } from '../claims/review/reviewContext'
import { CorrectionsDialog } from './CorrectionsDialog'
import { PublishDialog } from './PublishDialog'
import './publish.css'

interface PublicationControlsProps {
  /** A claim's words by id (from the open document). */
  quoteOf: (claimId: string) => string | undefined
  /** Opens a claim's card and shows its words in the text. */
  onOpenClaim: (claimId: string) => void
}

/**
 * The article's publication in its top bar: published or not and when, "edited after
 * publication", the corrections log, and for editors and owners the Publish button.
 */
export function PublicationControls({ quoteOf, onOpenClaim }: PublicationControlsProps) {
  const env = useReview()
  const [dialog, setDialog] = useState<'publish' | 'corrections' | null>(null)
  if (env === null || env.review === null) return null
  const { review } = env
  const editor = canReview(env.role)
  const published = review.factCheckPublishedAt !== null

  return (
    <>
      {published ? (
        <span className="publication" data-testid="publication-state" data-published="true">
          <button
            type="button"
            className={`tag publication__badge ${review.updatedAfterPublish ? 'tag--warning' : 'tag--success'}`}
            title={`First published ${formatDateTime(review.factCheckPublishedAt ?? '')}${review.lastPublishedAt !== null ? `, last ${formatDateTime(review.lastPublishedAt)}` : ''}${review.updatedAfterPublish ? '; edited after publication' : ''}. Show the corrections log.`}
            onClick={() => setDialog('corrections')}
            data-testid="show-corrections"
          >
            Published {formatDate(review.lastPublishedAt ?? review.factCheckPublishedAt ?? '')}
          </button>
          {review.updatedAfterPublish && (
            <span className="tag tag--warning publication__edited" data-testid="edited-after-publication" title="An approved claim or the text changed after the latest publication">
              edited after publication
            </span>
          )}
        </span>
      ) : null}
      {editor && (
        <button
          type="button"
          className={`button button--small publication__publish ${published && !review.updatedAfterPublish ? 'button--quiet' : 'button--primary'}`}
          onClick={() => setDialog('publish')}
          title={published ? 'Publish the approved claims again, with a correction note if something changed' : 'Not published yet: publish the approved claims as this article’s ClaimReview'}
          data-testid="publish-button"
        >
          {published ? 'Publish again' : 'Publish'}
        </button>
      )}
      {dialog === 'publish' && (
        <PublishDialog
          articleId={env.articleId}
          review={review}
          quoteOf={quoteOf}
          onOpenClaim={onOpenClaim}
          onPublished={env.reload}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'corrections' && <CorrectionsDialog articleId={env.articleId} quoteOf={quoteOf} onClose={() => setDialog(null)} />}
    </>
  )
}
