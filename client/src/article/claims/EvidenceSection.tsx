import { useRef, useState } from 'react'
import { removeEvidence, type Claim, type Evidence } from '@fc/shared/schema/index'
import { isSafeHttpUrl } from '@fc/shared/export/safe-url'
import { StanceChip } from './Chips'
import { personName, useClaimsEnv, useClaimsFeatures } from './context'
import { AttachmentList } from './AttachmentList'
import { EvidenceForm } from './EvidenceForm'
import { absoluteTime, EVIDENCE_KIND_LABELS, relativeTime, shortDate } from './format'

/** The sources behind a claim: each with its stance, the passage that matters and any files. */
export function EvidenceSection({ claim, idPrefix }: { claim: Claim; idPrefix: string }) {
  const { canWrite } = useClaimsEnv()
  const [adding, setAdding] = useState(false)
  const [editingId, setEditingId] = useState<string | null>(null)
  const id = `${idPrefix}-evidence`
  const sectionRef = useRef<HTMLElement>(null)
  // A closed form would leave the focus nowhere: back to the claim's card, where its keys work.
  const backToCard = () =>
    requestAnimationFrame(() =>
      sectionRef.current?.closest('[data-claim-card]')?.querySelector<HTMLElement>('[data-claim-head]')?.focus(),
    )

  return (
    <section ref={sectionRef} className="claim-section" aria-labelledby={`${id}-h`} data-testid="evidence-section">
      <h4 className="claim-section__title" id={`${id}-h`} tabIndex={-1} data-section="evidence">
        Evidence <span className="claim-section__count">{claim.evidence.length}</span>
      </h4>
      {claim.evidence.length === 0 && !adding && <p className="claim-section__empty">No evidence yet.</p>}
      {claim.evidence.length > 0 && (
        <ul className="evidence-list">
          {claim.evidence.map((evidence) =>
            editingId === evidence.id ? (
              <li key={evidence.id} className="evidence-list__item">
                <EvidenceForm
                  claimId={claim.id}
                  initial={evidence}
                  idPrefix={`${id}-${evidence.id}`}
                  onDone={() => {
                    setEditingId(null)
                    backToCard()
                  }}
                />
              </li>
            ) : (
              <li key={evidence.id} className="evidence-list__item">
                <EvidenceItem
                  claimId={claim.id}
                  evidence={evidence}
                  onEdit={canWrite ? () => setEditingId(evidence.id) : undefined}
                />
              </li>
            ),
          )}
        </ul>
      )}
      {canWrite &&
        (adding ? (
          <EvidenceForm
            claimId={claim.id}
            idPrefix={`${id}-new`}
            onDone={() => {
              setAdding(false)
              backToCard()
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setAdding(true)}
            data-testid="add-evidence"
          >
            + Add evidence
          </button>
        ))}
    </section>
  )
}

function EvidenceItem({
  claimId,
  evidence,
  onEdit,
}: {
  claimId: string
  evidence: Evidence
  onEdit: (() => void) | undefined
}) {
  const { controller, members, me } = useClaimsEnv()
  const { strangerName } = useClaimsFeatures()
  const [confirming, setConfirming] = useState(false)
  const safe = isSafeHttpUrl(evidence.url)
  const host = safe ? new URL(evidence.url).hostname.replace(/^www\./, '') : null
  const title = evidenceTitle(evidence, host)

  return (
    <article className={`evidence evidence--${evidence.stance}`} data-testid="evidence-item">
      <div className="evidence__head">
        <StanceChip stance={evidence.stance} />
        {safe ? (
          <a
            className="evidence__title"
            href={evidence.url}
            target="_blank"
            rel="noopener noreferrer nofollow"
            data-testid="evidence-title"
          >
            {title}
          </a>
        ) : (
          <span className="evidence__title evidence__title--plain" data-testid="evidence-title">
            {title}
          </span>
        )}
      </div>
      <p className="evidence__source">{sourceLine(evidence, host).join(' · ')}</p>
      {!safe && evidence.url.trim() !== '' && (
        // Written by another client: shown as text so nobody follows a javascript:/data: link.
        <p className="evidence__refused" data-testid="evidence-refused-url">
          Not a web link, so not linked: <code>{evidence.url.slice(0, 120)}</code>
        </p>
      )}
      {evidence.quote.trim() !== '' && <blockquote className="evidence__quote">{evidence.quote}</blockquote>}
      {evidence.attachments !== undefined && evidence.attachments.length > 0 && (
        <AttachmentList attachments={evidence.attachments} />
      )}
      <footer className="evidence__foot">
        <span className="evidence__added">
          Added by {personName(members, evidence.addedBy, me.id, strangerName)}{' '}
          {evidence.addedAt && (
            <time dateTime={evidence.addedAt} title={absoluteTime(evidence.addedAt)}>
              {relativeTime(evidence.addedAt)}
            </time>
          )}
        </span>
        {onEdit && !confirming && (
          <span className="evidence__actions">
            <button type="button" className="link-button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="link-button link-button--danger" onClick={() => setConfirming(true)}>
              Remove
            </button>
          </span>
        )}
      </footer>
      {confirming && (
        <div className="claim-confirm" role="alertdialog" aria-label="Remove this evidence?">
          <p className="claim-confirm__question">Remove “{title}” from this claim?</p>
          <div className="claim-confirm__actions">
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => removeEvidence(controller.ydoc, claimId, evidence.id)}
            >
              Remove
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              autoFocus
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </div>
        </div>
      )}
    </article>
  )
}

/** The line under the title: kind, who, where from, when. */
function sourceLine(evidence: Evidence, host: string | null): string[] {
  const parts: Array<string | undefined> = [
    evidence.kind === 'link' ? undefined : EVIDENCE_KIND_LABELS[evidence.kind],
    // Without a title the interviewee is the title already.
    evidence.kind === 'interview' && evidence.title.trim() !== '' ? evidence.interviewee : undefined,
    evidence.sourceName,
    host ?? undefined,
    evidence.kind === 'interview' && evidence.interviewedAt ? interviewTime(evidence.interviewedAt) : undefined,
    evidence.accessedAt ? `accessed ${shortDate(evidence.accessedAt)}` : undefined,
  ]
  return parts.filter((p, i): p is string => p !== undefined && p !== '' && parts.indexOf(p) === i)
}

/** What the entry is called: its title, else who was interviewed, else the link's host. */
function evidenceTitle(evidence: Evidence, host: string | null): string {
  const title = evidence.title.trim()
  if (title !== '') return title
  if (evidence.kind === 'interview' && evidence.interviewee) return `Interview or call with ${evidence.interviewee}`
  return host ?? (evidence.kind === 'document' ? 'Untitled document' : 'Untitled source')
}

/** "30 Nov 2026" or "30 Nov 2026, 14:05": when an interview or call took place. */
function interviewTime(value: string): string {
  const time = /T(\d{2}:\d{2})/.exec(value)?.[1]
  return time ? `${shortDate(value.slice(0, 10))}, ${time}` : shortDate(value)
}
