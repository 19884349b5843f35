import type { EvidenceAttachment } from '@fc/shared/schema/index'
import { attachmentUrl } from '../../api/claims'
import { fileSize } from './format'

/** The files of one piece of evidence: thumbnails for images, a tag for PDFs; removable while editing. */
export function AttachmentList({
  attachments,
  onRemove,
}: {
  attachments: readonly EvidenceAttachment[]
  onRemove?: (attachment: EvidenceAttachment) => void
}) {
  return (
    <ul className="attachments" data-testid="attachments">
      {attachments.map((a) => {
        const url = attachmentUrl(a.id)
        const isImage = a.mime.startsWith('image/')
        return (
          <li key={a.id} className={`attachment attachment--${isImage ? 'image' : 'pdf'}`}>
            <a
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              className="attachment__link"
              title={`${a.name} (${fileSize(a.size)})`}
            >
              {isImage ? (
                <img className="attachment__thumb" src={url} alt={a.name} loading="lazy" />
              ) : (
                <span className="attachment__pdf" aria-hidden="true">
                  PDF
                </span>
              )}
              <span className="attachment__name">{a.name || 'Attachment'}</span>
              <span className="attachment__size">{fileSize(a.size)}</span>
            </a>
            {onRemove && (
              <button
                type="button"
                className="attachment__remove"
                aria-label={`Remove ${a.name}`}
                onClick={() => onRemove(a)}
              >
                ×
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
