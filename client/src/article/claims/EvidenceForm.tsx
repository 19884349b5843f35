import { useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import {
  addEvidence,
  addEvidenceAttachment,
  EVIDENCE_KINDS,
  evidenceProblems,
  removeEvidenceAttachment,
  STANCES,
  updateEvidence,
  type Evidence,
  type EvidenceAttachment,
  type EvidenceField,
  type EvidenceKind,
  type Stance,
} from '@fc/shared/schema/index'
import { ACCEPTED_ATTACHMENT_TYPES, describeUploadError, uploadAttachment } from '../../api/claims'
import { useClaimsEnv, useClaimsFeatures } from './context'
import { AttachmentList } from './AttachmentList'
import { urlProblem } from './evidenceUrl'
import { EVIDENCE_KIND_LABELS, STANCE_LABELS, todayIsoDate } from './format'

interface EvidenceFormProps {
  claimId: string
  /** Editing this entry; adding a new one when absent. */
  initial?: Evidence
  idPrefix: string
  onDone: () => void
}

type Errors = Partial<Record<EvidenceField | 'stance', string>>

/** The order a checker reads the form in: the first field with a problem takes the focus. */
const FIELD_ORDER: Array<keyof Errors> = ['url', 'interviewee', 'interviewedAt', 'title', 'stance', 'attachments']

export function EvidenceForm({ claimId, initial, idPrefix, onDone }: EvidenceFormProps) {
  const { controller, article, me } = useClaimsEnv()
  const features = useClaimsFeatures()
  // A document is its file: without uploads (a workshop copy) only links and interviews can be logged.
  const kinds = EVIDENCE_KINDS.filter((k) => k !== 'document' || features.attachments)
  const [kind, setKind] = useState<EvidenceKind>(initial?.kind ?? 'link')
  const [interviewee, setInterviewee] = useState(initial?.interviewee ?? '')
  const [interviewDate, setInterviewDate] = useState(initial?.interviewedAt?.slice(0, 10) ?? '')
  const [interviewTime, setInterviewTime] = useState(initial?.interviewedAt?.slice(11, 16) ?? '')
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
    const cleanUrl = url.trim()
    const interviewedAt =
      interviewDate === '' ? '' : interviewTime === '' ? interviewDate : `${interviewDate}T${interviewTime}`
    const next: Errors = evidenceProblems({ kind, url: cleanUrl, title, interviewee, interviewedAt, attachments })
    // A link given (required or not) must be a web link.
    if (cleanUrl !== '' || kind === 'link') {
      const problem = urlProblem(cleanUrl)
      if (problem !== undefined) next.url = problem
    }
    if (stance === '') next.stance = 'Choose whether it supports, refutes or gives context.'
    setErrors(next)
    const first = FIELD_ORDER.find((field) => next[field] !== undefined)
    if (first !== undefined || stance === '') {
      const target = first === 'stance' ? 'stance-supports' : first === 'attachments' ? 'attach' : first
      document.getElementById(`${id}-${target}`)?.focus()
      return
    }
    const doc = controller.ydoc
    const interview = kind === 'interview'
    const fields = {
      kind,
      url: cleanUrl,
      title: title.trim(),
      quote: quote.trim(),
      stance,
      sourceName: sourceName.trim() === '' ? undefined : sourceName.trim(),
      // An interview is dated by when it happened; "accessed" is for what was read.
      accessedAt: interview || accessedAt === '' ? undefined : accessedAt,
      interviewee: interview ? interviewee.trim() : undefined,
      interviewedAt: interview ? interviewedAt : undefined,
    }
    if (initial === undefined) {
      addEvidence(doc, claimId, { ...fields, addedBy: me.id, attachments })
    } else {
      doc.transact(() => {
        // Files first: a document needs its file in place before the entry becomes one.
        const before = initial.attachments ?? []
        for (const a of attachments)
          if (!before.some((b) => b.id === a.id)) addEvidenceAttachment(doc, claimId, initial.id, a)
        for (const a of before)
          if (!attachments.some((b) => b.id === a.id)) removeEvidenceAttachment(doc, claimId, initial.id, a.id)
        updateEvidence(doc, claimId, initial.id, fields)
      })
    }
    onDone()
  }

  const clear = (field: keyof Errors) => errors[field] !== undefined && setErrors({ ...errors, [field]: undefined })
  const urlRequired = kind === 'link'

  return (
    <form
      className="evidence-form"
      onSubmit={submit}
      noValidate
      data-testid="evidence-form"
      aria-label={initial ? 'Edit evidence' : 'Add evidence'}
    >
      <fieldset className="cl-field">
        <legend className="cl-label">Kind</legend>
        <div
          className="segmented segmented--small"
          role="radiogroup"
          aria-label="Kind of evidence"
          data-testid="evidence-kind"
        >
          {kinds.map((k) => (
            <label
              key={k}
              className="segmented__option"
              title={k === 'interview' ? 'An interview or a phone call: who, and when' : undefined}
            >
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k)
                  setErrors({})
                }}
              />
              <span>{k === 'interview' ? 'Interview' : EVIDENCE_KIND_LABELS[k]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'interview' && (
        <>
          <TextField
            id={`${id}-interviewee`}
            label="Who"
            value={interviewee}
            onChange={(v) => {
              setInterviewee(v)
              clear('interviewee')
            }}
            error={errors.interviewee}
            placeholder="Name and role, e.g. “Dr. Sana Rana, district health officer”"
            maxLength={300}
            testId="evidence-interviewee"
          />
          <div className="cl-row">
            <div className="cl-field cl-field--date">
              <label className="cl-label" htmlFor={`${id}-interviewedAt`}>
                When
              </label>
              <input
                id={`${id}-interviewedAt`}
                className="text-input"
                type="date"
                value={interviewDate}
                onChange={(e) => {
                  setInterviewDate(e.target.value)
                  clear('interviewedAt')
                }}
                aria-invalid={errors.interviewedAt !== undefined}
                aria-describedby={errors.interviewedAt ? `${id}-interviewedAt-error` : undefined}
                data-testid="evidence-interviewed-date"
              />
            </div>
            <div className="cl-field cl-field--date">
              <label className="cl-label" htmlFor={`${id}-interviewedTime`}>
                Time <span className="cl-label__hint">optional</span>
              </label>
              <input
                id={`${id}-interviewedTime`}
                className="text-input"
                type="time"
                value={interviewTime}
                onChange={(e) => setInterviewTime(e.target.value)}
                data-testid="evidence-interviewed-time"
              />
            </div>
          </div>
          {errors.interviewedAt && (
            <p className="cl-error" id={`${id}-interviewedAt-error`} role="alert">
              {errors.interviewedAt}
            </p>
          )}
        </>
      )}
      <div className="cl-field">
        <label className="cl-label" htmlFor={`${id}-url`}>
          {kind === 'interview' ? 'Recording or notes link' : 'Link'}{' '}
          <span className="cl-label__hint">{urlRequired ? 'http or https' : 'optional'}</span>
        </label>
        <input
          id={`${id}-url`}
          autoFocus={kind === 'link'}
          className="text-input"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          value={url}
          onChange={(e) => {
            setUrl(e.target.value)
            clear('url')
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
      <TextField
        id={`${id}-title`}
        label="Title"
        hint={kind === 'interview' ? 'optional' : undefined}
        value={title}
        onChange={(v) => {
          setTitle(v)
          clear('title')
        }}
        error={errors.title}
        placeholder={
          kind === 'document'
            ? 'What the document is, e.g. “Hospital admissions log, 1 Feb”'
            : kind === 'interview'
              ? 'e.g. “Phone call about admissions”'
              : 'What the source is, e.g. “ISPR press release, 1 Feb”'
        }
        maxLength={300}
        testId="evidence-title-input"
      />
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
        {kind !== 'interview' && (
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
        )}
      </div>
      {features.attachments && (
        <div className="cl-field">
          <span className="cl-label">
            {kind === 'document' ? 'The document' : 'Files'}{' '}
            <span className="cl-label__hint">
              {kind === 'document' ? 'an image or PDF' : 'images or PDF, optional'}
            </span>
          </span>
          {attachments.length > 0 && (
            <AttachmentList
              attachments={attachments}
              onRemove={(a) => setAttachments((list) => list.filter((x) => x.id !== a.id))}
            />
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
          <button
            type="button"
            id={`${id}-attach`}
            className="button button--quiet button--small"
            onClick={() => fileRef.current?.click()}
            aria-describedby={errors.attachments ? `${id}-attach-error` : undefined}
            onClickCapture={() => clear('attachments')}
          >
            Attach a file…
          </button>
          {errors.attachments && (
            <p className="cl-error" id={`${id}-attach-error`} role="alert">
              {errors.attachments}
            </p>
          )}
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

interface TextFieldProps {
  id: string
  label: string
  hint?: string
  value: string
  onChange: (value: string) => void
  error: string | undefined
  placeholder: string
  maxLength: number
  testId: string
}

function TextField({ id, label, hint, value, onChange, error, placeholder, maxLength, testId }: TextFieldProps) {
  return (
    <div className="cl-field">
      <label className="cl-label" htmlFor={id}>
        {label} {hint && <span className="cl-label__hint">{hint}</span>}
      </label>
      <input
        id={id}
        className="text-input"
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {error && (
        <p className="cl-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
