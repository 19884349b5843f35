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
 * The article's publication, above its text: published or not and when, "edited after
 * publication", the corrections log, and for editors and owners the Publish button. (Not in the
 * top bar: beside presence, workshops and the connection it would push out the article's title.)
 */
export function PublicationControls({ quoteOf, onOpenClaim }: PublicationControlsProps) {
  const env = useReview()
  const [dialog, setDialog] = useState<'publish' | 'corrections' | null>(null)
  if (env === null || env.review === null) return null
  const { review } = env
  const editor = canReview(env.role)
  const published = review.factCheckPublishedAt !== null

  if (!published && !editor) return null

  return (
    <div className="publication-bar" data-testid="publication-bar">
      {published ? (
        <>
          <span
            className="tag tag--success"
            title={`First published ${formatDateTime(review.factCheckPublishedAt ?? '')}${review.lastPublishedAt !== null ? `, last ${formatDateTime(review.lastPublishedAt)}` : ''}`}
            data-testid="published-state"
          >
            Published {formatDate(review.lastPublishedAt ?? review.factCheckPublishedAt ?? '')}
          </span>
          {review.updatedAfterPublish && (
            <span
              className="tag tag--warning"
              title="An approved claim or the text changed after the latest publication"
              data-testid="edited-after-publication"
            >
              Edited after publication
            </span>
          )}
          <button
            type="button"
            className="link-button publication-bar__link"
            onClick={() => setDialog('corrections')}
            data-testid="show-corrections"
          >
            Corrections
          </button>
        </>
      ) : (
        <span className="publication-bar__draft" data-testid="unpublished-state">
          Not published yet
        </span>
      )}
      {editor && (
        <button
          type="button"
          className={`button button--small ${published && !review.updatedAfterPublish ? 'button--quiet' : 'button--primary'}`}
          onClick={() => setDialog('publish')}
          data-testid="publish-button"
        >
          {published ? 'Publish again' : 'Publish…'}
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
      {dialog === 'corrections' && (
        <CorrectionsDialog articleId={env.articleId} quoteOf={quoteOf} onClose={() => setDialog(null)} />
      )}
    </div>
  )
}
