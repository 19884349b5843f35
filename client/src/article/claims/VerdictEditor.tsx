import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { clearVerdict, isVerdictId, setVerdict, type Claim, type VerdictId } from '@fc/shared/schema/index'
import { VerdictChip } from './Chips'
import { useClaimSelection } from './ClaimsController'
import { useClaimsEnv } from './context'

/** The verdict from the workspace's scale, always with the reasoning behind it. */
export function VerdictEditor({ claim, idPrefix }: { claim: Claim; idPrefix: string }) {
  const { controller, scale, canWrite } = useClaimsEnv()
  const [editing, setEditing] = useState(false)
  const [verdict, setVerdictChoice] = useState<VerdictId | ''>(claim.verdict ?? '')
  const [rationale, setRationale] = useState(claim.rationale ?? '')
  const [errors, setErrors] = useState<{ verdict?: string; rationale?: string }>({})
  const id = `${idPrefix}-verdict`
  const rationaleRef = useRef<HTMLTextAreaElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const [focusRationale, setFocusRationale] = useState(0)

  // A verdict picked with a number key: take it, and ask for the reasoning right away.
  const { verdictRequest } = useClaimSelection(controller)
  useEffect(() => {
    // Also when the card opens because of the request: the editor mounts after it was made.
    if (!canWrite || verdictRequest === undefined || verdictRequest.claimId !== claim.id) return
    controller.consumeVerdictRequest(verdictRequest.seq)
    if (!isVerdictId(verdictRequest.verdictId)) return
    if (!editing) setRationale(claim.rationale ?? '')
    setVerdictChoice(verdictRequest.verdictId)
    setErrors({})
    setEditing(true)
    setFocusRationale((n) => n + 1)
  }, [verdictRequest, canWrite, claim.id, claim.rationale, editing, controller])
  useEffect(() => {
    if (focusRationale > 0) rationaleRef.current?.focus()
  }, [focusRationale])

  // After saving, back on the claim's card, ready for the next key.
  const backToCard = () =>
    formRef.current?.closest('[data-claim-card]')?.querySelector<HTMLElement>('[data-claim-head]')?.focus()

  const startEditing = () => {
    setVerdictChoice(claim.verdict ?? '')
    setRationale(claim.rationale ?? '')
    setErrors({})
    setEditing(true)
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    const next: typeof errors = {}
    if (!isVerdictId(verdict)) next.verdict = 'Choose a verdict.'
    if (rationale.trim() === '') next.rationale = 'Explain the verdict: a rationale is required.'
    setErrors(next)
    if (next.verdict !== undefined || next.rationale !== undefined || !isVerdictId(verdict)) return
    const card = backToCard
    setVerdict(controller.ydoc, claim.id, verdict, rationale.trim())
    setEditing(false)
    card()
  }

  const onRationaleKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save(event)
  }

  if (claim.verdict !== undefined && !editing) {
    return (
      <section className="claim-section" aria-labelledby={`${id}-h`}>
        <h4 className="claim-section__title" id={`${id}-h`}>
          Verdict
        </h4>
        <div className="verdict-view" data-testid="verdict-view">
          <VerdictChip verdict={claim.verdict} scale={scale} />
          {claim.rationale !== undefined && claim.rationale !== '' && (
            <p className="verdict-view__rationale" data-testid="verdict-rationale">
              {claim.rationale}
            </p>
          )}
          {canWrite && (
            <div className="verdict-view__actions">
              <button type="button" className="link-button" onClick={startEditing}>
                Change verdict
              </button>
              <button
                type="button"
                className="link-button link-button--muted"
                onClick={() => clearVerdict(controller.ydoc, claim.id)}
              >
                Withdraw
              </button>
            </div>
          )}
        </div>
      </section>
    )
  }

  if (!canWrite) {
    return (
      <section className="claim-section" aria-labelledby={`${id}-h`}>
        <h4 className="claim-section__title" id={`${id}-h`}>
          Verdict
        </h4>
        <p className="claim-section__empty">No verdict yet.</p>
      </section>
    )
  }

  return (
    <section className="claim-section" aria-labelledby={`${id}-h`}>
      <h4 className="claim-section__title" id={`${id}-h`}>
        Verdict
      </h4>
      <form ref={formRef} className="verdict-form" onSubmit={save} noValidate data-testid="verdict-form">
        <label className="visually-hidden" htmlFor={`${id}-select`}>
          Verdict
        </label>
        <select
          id={`${id}-select`}
          className="select"
          value={verdict}
          onChange={(e) => {
            setVerdictChoice(e.target.value as VerdictId | '')
            if (errors.verdict) setErrors({ ...errors, verdict: undefined })
          }}
          aria-invalid={errors.verdict !== undefined}
          aria-describedby={errors.verdict ? `${id}-verdict-error` : undefined}
          data-testid="verdict-select"
        >
          <option value="">Choose a verdict…</option>
          {scale.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
        {errors.verdict && (
          <p className="cl-error" id={`${id}-verdict-error`}>
            {errors.verdict}
          </p>
        )}
        {/* The reasoning and Save come with a verdict chosen: until then the picker is all there is to do. */}
        {(verdict !== '' || editing || errors.rationale !== undefined) && (
          <>
            <label className="cl-label" htmlFor={`${id}-rationale`}>
              Rationale <span className="cl-label__hint">required</span>
            </label>
            <textarea
              ref={rationaleRef}
              onKeyDown={onRationaleKey}
              id={`${id}-rationale`}
              className="text-area"
              rows={2}
              value={rationale}
              placeholder="Why this verdict? What the evidence shows, and what it does not."
              onChange={(e) => {
                setRationale(e.target.value)
                if (errors.rationale && e.target.value.trim() !== '') setErrors({ ...errors, rationale: undefined })
              }}
              aria-invalid={errors.rationale !== undefined}
              aria-describedby={errors.rationale ? `${id}-rationale-error` : undefined}
              aria-required="true"
              data-testid="verdict-rationale-input"
            />
            {errors.rationale && (
              <p className="cl-error" id={`${id}-rationale-error`} role="alert">
                {errors.rationale}
              </p>
            )}
            <div className="cl-actions">
              <button type="submit" className="button button--primary button--small">
                Save verdict
              </button>
              {editing && (
                <button type="button" className="button button--quiet button--small" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              )}
            </div>
          </>
        )}
      </form>
    </section>
  )
}
