import { useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { addEvidence, addEvidenceAttachment, removeEvidenceAttachment, STANCES, updateEvidence, type Evidence, type EvidenceAttachment, type Stance } from '@fc/shared/schema/index'
import { ACCEPTED_ATTACHMENT_TYPES, describeUploadError, uploadAttachment } from '../../api/claims'
import { useClaimsEnv, useClaimsFeatures } from './context'
import { AttachmentList } from './AttachmentList'
import { urlProblem } from './evidenceUrl'
import { STANCE_LABELS, todayIsoDate } from './format'

interface EvidenceFormProps {
  claimId: string
  /** Editing this entry; adding a new one when absent. */
  initial?: Evidence
  idPrefix: string
  onDone: () => void
}

type Errors = Partial<Record<'url' | 'title' | 'stance', string>>

export function EvidenceForm({ claimId, initial, idPrefix, onDone }: EvidenceFormProps) {
  const { controller, article, me } = useClaimsEnv()
  const features = useClaimsFeatures()
  const [url, setUrl] = useState(initial?.url ?? '')
  const [title, setTitle] = useState(initial?.title ?? '')
  const [quote, setQuote] = useState(initial?.quote ?? '')
  const [stance, setStance] = useState<Stance | ''>(initial?.stance ?? '')
  const [sourceName, setSourceName] = useState(initial?.sourceName ?? '')
  const [accessedAt, setAccessedAt] = useState(initial?.accessedAt ?? (initial === undefined ? todayIsoDate() : ''))
  const [attachments, setAttachments] = useState<EvidenceAttachment[]>(initial?.attachments ?? [])
  const [uploading, setUploading] = useState<string[]>([])
  const [uploadErrors, setUploadErrors] = useState<string[]>([])
  const [errors, setErrors] = useState<Errors>({})
  const fileRef = useRef<HTMLInputElement>(null)
  const firstRef = useRef<HTMLInputElement>(null)
  const id = idPrefix

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    event.target.value = ''
    setUploadErrors([])
    for (const file of files) {
      setUploading((u) => [...u, file.name])
      try {
        const stored = await uploadAttachment(article.id, file)
        setAttachments((list) => [...list, stored])
      } catch (error) {
        setUploadErrors((list) => [...list, describeUploadError(error, file.name)])
      } finally {
        setUploading((u) => u.filter((_, i) => i !== u.indexOf(file.name)))
      }
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next: Errors = {}
    const cleanUrl = url.trim()
    const problem = urlProblem(cleanUrl)
    if (problem !== undefined) next.url = problem
    if (title.trim() === '') next.title = 'Give the source a title.'
    if (stance === '') next.stance = 'Choose whether it supports, refutes or gives context.'
    setErrors(next)
    if (Object.keys(next).length > 0 || stance === '') {
      const first = next.url ? 'url' : next.title ? 'title' : 'stance-supports'
      document.getElementById(`${id}-${first}`)?.focus()
      return
    }
    const doc = controller.ydoc
    const fields = {
      url: cleanUrl,
      title: title.trim(),
      quote: quote.trim(),
      stance,
      sourceName: sourceName.trim() === '' ? undefined : sourceName.trim(),
      accessedAt: accessedAt === '' ? undefined : accessedAt,
    }
    if (initial === undefined) {
      addEvidence(doc, claimId, { ...fields, addedBy: me.id, attachments })
    } else {
      doc.transact(() => {
        updateEvidence(doc, claimId, initial.id, fields)
        const before = initial.attachments ?? []
        for (const a of before) if (!attachments.some((b) => b.id === a.id)) removeEvidenceAttachment(doc, claimId, initial.id, a.id)
        for (const a of attachments) if (!before.some((b) => b.id === a.id)) addEvidenceAttachment(doc, claimId, initial.id, a)
      })
    }
    onDone()
  }

  return (
    <form className="evidence-form" onSubmit={submit} noValidate data-testid="evidence-form" aria-label={initial ? 'Edit evidence' : 'Add evidence'}>
      <div className="cl-field">
        <label className="cl-label" htmlFor={`${id}-url`}>
          Link <span className="cl-label__hint">http or https</span>
        </label>
        <input
          ref={firstRef}
          id={`${id}-url`}
          className="text-input"
          type="url"
          inputMode="url"
          autoComplete="off"
          autoFocus
          placeholder="https://"
          value={url}
          onChange={(e) => {
            setUrl(e.target.value)
            if (errors.url) setErrors({ ...errors, url: undefined })
          }}
          onBlur={() => {
            if (url.trim() !== '') setErrors((e) => ({ ...e, url: urlProblem(url) }))
          }}
          aria-invalid={errors.url !== undefined}
          aria-describedby={errors.url ? `${id}-url-error` : undefined}
          data-testid="evidence-url"
        />
        {errors.url && (
          <p className="cl-error" id={`${id}-url-error`} role="alert" data-testid="evidence-url-error">
            {errors.url}
          </p>
        )}
      </div>
      <div className="cl-field">
        <label className="cl-label" htmlFor={`${id}-title`}>
          Title
        </label>
        <input
          id={`${id}-title`}
          className="text-input"
          value={title}
          maxLength={300}
          placeholder="What the source is, e.g. “ISPR press release, 1 Feb”"
          onChange={(e) => {
            setTitle(e.target.value)
            if (errors.title) setErrors({ ...errors, title: undefined })
          }}
          aria-invalid={errors.title !== undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          data-testid="evidence-title-input"
        />
        {errors.title && (
          <p className="cl-error" id={`${id}-title-error`}>
            {errors.title}
          </p>
        )}
      </div>
      <fieldset className="cl-field stance-field" aria-invalid={errors.stance !== undefined}>
        <legend className="cl-label">Stance</legend>
        <div className="stance-picker">
          {STANCES.map((s) => (
            <label key={s} className={`stance-picker__option segmented__option--${s}`}>
              <input
                type="radio"
                id={`${id}-stance-${s}`}
                name={`${id}-stance`}
                value={s}
                checked={stance === s}
                onChange={() => {
                  setStance(s)
                  if (errors.stance) setErrors({ ...errors, stance: undefined })
                }}
              />
              <span>{STANCE_LABELS[s]}</span>
            </label>
          ))}
        </div>
        {errors.stance && <p className="cl-error">{errors.stance}</p>}
      </fieldset>
      <div className="cl-field">
        <label className="cl-label" htmlFor={`${id}-quote`}>
          Quoted passage <span className="cl-label__hint">optional</span>
        </label>
        <textarea
          id={`${id}-quote`}
          className="text-area"
          rows={3}
          value={quote}
          placeholder="The words in the source that bear on the claim"
          onChange={(e) => setQuote(e.target.value)}
          data-testid="evidence-quote"
        />
      </div>
      <div className="cl-row">
        <div className="cl-field">
          <label className="cl-label" htmlFor={`${id}-source`}>
            Source <span className="cl-label__hint">optional</span>
          </label>
          <input
            id={`${id}-source`}
            className="text-input"
            value={sourceName}
            maxLength={200}
            placeholder="e.g. Dawn"
            onChange={(e) => setSourceName(e.target.value)}
            data-testid="evidence-source"
          />
        </div>
        <div className="cl-field cl-field--date">
          <label className="cl-label" htmlFor={`${id}-accessed`}>
            Accessed
          </label>
          <input
            id={`${id}-accessed`}
            className="text-input"
            type="date"
            value={accessedAt}
            onChange={(e) => setAccessedAt(e.target.value)}
            data-testid="evidence-accessed"
          />
        </div>
      </div>
      {features.attachments && (
        <div className="cl-field">
          <span className="cl-label">
            Files <span className="cl-label__hint">images or PDF, optional</span>
          </span>
          {attachments.length > 0 && (
            <AttachmentList attachments={attachments} onRemove={(a) => setAttachments((list) => list.filter((x) => x.id !== a.id))} />
          )}
          <input
            ref={fileRef}
            type="file"
            className="visually-hidden"
            accept={ACCEPTED_ATTACHMENT_TYPES}
            multiple
            onChange={onFiles}
            tabIndex={-1}
            aria-hidden="true"
            data-testid="evidence-file-input"
          />
          <button type="button" className="button button--quiet button--small" onClick={() => fileRef.current?.click()}>
            Attach a file…
          </button>
          {uploading.length > 0 && (
            <p className="cl-note" role="status">
              Uploading {uploading.join(', ')}…
            </p>
          )}
          {uploadErrors.map((message) => (
            <p key={message} className="cl-error" role="alert" data-testid="attachment-error">
              {message}
            </p>
          ))}
        </div>
      )}
      <div className="cl-actions">
        <button type="submit" className="button button--primary button--small" disabled={uploading.length > 0}>
          {initial ? 'Save changes' : 'Add evidence'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
