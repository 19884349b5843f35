import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { VerdictId, VerdictScale } from '@fc/shared/schema/index'
import { describeError } from '../api/api'
import { FormError } from '../ui/Field'
import { InlineState } from '../ui/InlineState'
import { useResource } from '../ui/useResource'
import { modKey } from '../article/claims/format'
import { workshopsApi, type KeyClaim } from '../api/workshops'
import {
  checkKey,
  emptyRow,
  keyChanged,
  placeServerError,
  rowsFromKey,
  takeOverClaims,
  type KeyRow,
  type RowErrors,
} from './answerKey'
import { readArticleClaims } from './readArticleClaims'
import { DEMO_ANSWER_KEY } from '@fc/shared/workshop/demo-key'

interface AnswerKeyEditorProps {
  workshopId: string
  /** The original article's document, to take over the claims marked on it; null if it is gone. */
  articleDocId: string | null
  revealed: boolean
  /** The workshop runs on the demo article: its ready-made key is one click away. */
  demoArticle: boolean
  scale: VerdictScale
  /** After a save: the page learns the workshop now has a key. */
  onSaved: () => void
}

/** Loads the stored key, then hands it to the editor. */
export function AnswerKeyEditor(props: AnswerKeyEditorProps) {
  const key = useResource(() => workshopsApi.key(props.workshopId), props.workshopId)
  return (
    <section className="workshop-section" id="answer-key" aria-labelledby="key-heading" data-testid="answer-key">
      {key.status === 'ready' ? (
        <KeyForm {...props} saved={key.data} />
      ) : (
        <>
          <header className="workshop-section__header">
            <h2 id="key-heading" className="workshop-section__title">
              Answer key
            </h2>
          </header>
          {key.status === 'loading' ? (
            <InlineState tone="loading" title="Loading the answer key…" />
          ) : (
            <InlineState
              tone="error"
              title="The answer key could not be loaded"
              action={{ label: 'Try again', onClick: key.reload }}
            >
              {describeError(key.error)}
            </InlineState>
          )}
        </>
      )}
    </section>
  )
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'failed' }
type TakeOverNote = { tone: 'info' | 'error'; text: string } | null

function KeyForm({
  workshopId,
  articleDocId,
  revealed,
  demoArticle,
  scale,
  onSaved,
  saved: initial,
}: AnswerKeyEditorProps & { saved: KeyClaim[] }) {
  const [saved, setSaved] = useState<KeyClaim[]>(initial)
  const [rows, setRows] = useState<KeyRow[]>(() => rowsFromKey(initial))
  const [errors, setErrors] = useState<RowErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const [takingOver, setTakingOver] = useState(false)
  const [note, setNote] = useState<TakeOverNote>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const focusRow = useRef<string | null>(null)
  const dirty = keyChanged(rows, saved)

  // Leaving with unsaved rows loses them: let the browser ask.
  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [dirty])

  // A new row gets the focus, so adding one is a single keystroke away from typing in it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new row (rows changing) is the trigger for focusing it
  useEffect(() => {
    if (focusRow.current === null) return
    document.getElementById(`${focusRow.current}-quote`)?.focus()
    focusRow.current = null
  }, [rows])

  const update = (id: string, patch: Partial<KeyRow>) => {
    setRows((list) => list.map((r) => (r.id === id ? { ...r, ...patch } : r)))
    const field = Object.keys(patch)[0] as keyof KeyRow
    if (errors[id]?.[field as 'quote']) setErrors((e) => ({ ...e, [id]: { ...e[id], [field]: undefined } }))
    if (save.kind === 'saved' || save.kind === 'failed') setSave({ kind: 'idle' })
  }

  const addRow = () => {
    const row = emptyRow()
    focusRow.current = row.id
    setRows((list) => [...list, row])
  }

  const removeRow = (id: string, index: number) => {
    setRows((list) => list.filter((r) => r.id !== id))
    // Keep the keyboard where it was: on the next row's remove button, else the add button.
    window.setTimeout(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-remove-row]')
      const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)]
      ;(next ?? document.getElementById('key-add-row'))?.focus()
    })
  }

  const takeOver = async () => {
    if (articleDocId === null) return
    setTakingOver(true)
    setNote(null)
    try {
      const claims = await readArticleClaims(articleDocId)
      const result = takeOverClaims(rows, claims)
      setRows(result.rows)
      setNote({ tone: 'info', text: takeOverSummary(claims.length, result) })
    } catch (error) {
      setNote({ tone: 'error', text: describeError(error) })
    } finally {
      setTakingOver(false)
    }
  }

  // One click, saved at once: a trainer on the demo article is ready to run the room.
  const loadDemoKey = async () => {
    const claims = DEMO_ANSWER_KEY.map((c) => ({ ...c }))
    setRows(rowsFromKey(claims))
    setErrors({})
    setFormError(null)
    setSave({ kind: 'saving' })
    try {
      await workshopsApi.saveKey(workshopId, claims)
      setSaved(claims)
      setSave({ kind: 'saved', at: Date.now() })
      setNote({
        tone: 'info',
        text: `Loaded and saved the ready-made key: ${claims.length} claims of the demo article, with verdicts and rationales.`,
      })
      onSaved()
    } catch (error) {
      setSave({ kind: 'failed' })
      setNote({ tone: 'error', text: describeError(error) })
    }
  }

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    const check = checkKey(rows)
    setErrors(check.errors)
    setFormError(check.form)
    const firstBad = rows.find((r) => check.errors[r.id] !== undefined)
    if (firstBad !== undefined) {
      const field = check.errors[firstBad.id]?.quote
        ? 'quote'
        : check.errors[firstBad.id]?.verdict
          ? 'verdict'
          : 'rationale'
      document.getElementById(`${firstBad.id}-${field}`)?.focus()
      return
    }
    if (check.form !== null) return
    setSave({ kind: 'saving' })
    try {
      await workshopsApi.saveKey(workshopId, check.claims)
      setSaved(check.claims)
      setSave({ kind: 'saved', at: Date.now() })
      // "Added 3 claims… then save" has been answered.
      setNote((was) => (was?.tone === 'info' ? null : was))
      onSaved()
    } catch (error) {
      const placed = placeServerError(error, check.rowIds)
      setErrors(placed.errors)
      setFormError(placed.form)
      setSave({ kind: 'failed' })
    }
  }

  // Ctrl/⌘+Enter saves from anywhere in the key, as in the comment box.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  const filled = rows.filter((r) => r.quote.trim() !== '' || r.verdict !== '').length

  return (
    <>
      <header className="workshop-section__header">
        <h2 id="key-heading" className="workshop-section__title">
          Answer key <span className="panel-heading__count">{filled}</span>
        </h2>
        <SaveStatus state={save} dirty={dirty} hasSaved={saved.length > 0} />
      </header>
      <p className="workshop-section__lede">
        The claims participants should find, each with the right verdict. Only trainers ever see it: it is kept on the
        server, never in a participant&apos;s copy, and revealing shows participants their scores, not the key.
      </p>
      {revealed && (
        <p className="workshop-callout" role="note">
          Results are already revealed. Changing the key now changes everyone&apos;s scores.
        </p>
      )}
      <form
        className="key-form"
        onSubmit={(e) => void submit(e)}
        onKeyDown={onKeyDown}
        noValidate
        aria-labelledby="key-heading"
      >
        <div className="key-form__tools">
          {demoArticle && (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => void loadDemoKey()}
              data-testid="key-load-demo"
            >
              Load the ready-made demo key
            </button>
          )}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => void takeOver()}
            disabled={takingOver || articleDocId === null}
            data-testid="key-from-article"
            title={
              articleDocId === null
                ? 'The original article no longer exists'
                : 'Adds every claim marked on the article, with its verdict and rationale'
            }
          >
            {takingOver ? 'Reading the article…' : 'Use the claims marked on the article'}
          </button>
          <button
            type="button"
            id="key-add-row"
            className="button button--quiet button--small"
            onClick={addRow}
            data-testid="key-add-row"
          >
            + Add a claim
          </button>
        </div>
        {note !== null && (
          <p
            className={`key-form__note key-form__note--${note.tone}`}
            role={note.tone === 'error' ? 'alert' : 'status'}
            data-testid="key-note"
          >
            {note.text}
          </p>
        )}

        {rows.length === 0 ? (
          <div className="empty-state empty-state--compact" data-testid="key-empty">
            <h3 className="empty-state__title">No answer key yet</h3>
            <p className="empty-state__text">
              Take over the claims you marked on the original article — with their verdicts — or type each claim&apos;s
              words and choose its verdict. Participants are scored by how many of these they find, and whether their
              verdicts match.
            </p>
          </div>
        ) : (
          <ol className="key-rows" ref={listRef} data-testid="key-rows">
            {rows.map((row, index) => (
              <KeyRowFields
                key={row.id}
                row={row}
                index={index}
                scale={scale}
                errors={errors[row.id]}
                onChange={update}
                onRemove={() => removeRow(row.id, index)}
              />
            ))}
          </ol>
        )}

        {formError !== null && <FormError testId="key-error">{formError}</FormError>}
        <div className="key-form__actions">
          <p className="key-form__hint keycaps">
            <kbd>{modKey()}</kbd>+<kbd>Enter</kbd> saves
          </p>
          <button
            type="submit"
            className="button button--primary"
            disabled={save.kind === 'saving'}
            data-testid="save-key"
          >
            {save.kind === 'saving' ? 'Saving…' : 'Save answer key'}
          </button>
        </div>
      </form>
    </>
  )
}

interface KeyRowFieldsProps {
  row: KeyRow
  index: number
  scale: VerdictScale
  errors: Partial<Record<'quote' | 'verdict' | 'rationale', string>> | undefined
  onChange: (id: string, patch: Partial<KeyRow>) => void
  onRemove: () => void
}

function KeyRowFields({ row, index, scale, errors, onChange, onRemove }: KeyRowFieldsProps) {
  const id = row.id
  const n = index + 1
  const describedBy = (field: 'quote' | 'verdict' | 'rationale') =>
    errors?.[field] ? `${id}-${field}-error` : undefined
  return (
    <li className="key-row" data-testid="key-row">
      <span className="key-row__number" aria-hidden="true">
        {n}
      </span>
      <div className="key-row__fields">
        <div className="key-row__quote">
          <label className="key-row__label" htmlFor={`${id}-quote`}>
            Claim {n}: the words in the article
          </label>
          <textarea
            id={`${id}-quote`}
            className="text-area key-row__textarea"
            rows={2}
            value={row.quote}
            onChange={(e) => onChange(id, { quote: e.target.value })}
            aria-invalid={errors?.quote ? true : undefined}
            aria-describedby={describedBy('quote')}
            placeholder="e.g. 84 Pakistani security personnel were killed"
            data-testid="key-quote"
          />
          {errors?.quote && (
            <p className="key-row__error" id={`${id}-quote-error`}>
              {errors.quote}
            </p>
          )}
        </div>
        <div className="key-row__verdict">
          <label className="key-row__label" htmlFor={`${id}-verdict`}>
            Verdict
          </label>
          <select
            id={`${id}-verdict`}
            className="select"
            value={row.verdict}
            onChange={(e) => onChange(id, { verdict: e.target.value as VerdictId | '' })}
            aria-invalid={errors?.verdict ? true : undefined}
            aria-describedby={describedBy('verdict')}
            data-testid="key-verdict"
          >
            <option value="">Choose…</option>
            {scale.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
          {errors?.verdict && (
            <p className="key-row__error" id={`${id}-verdict-error`}>
              {errors.verdict}
            </p>
          )}
        </div>
        <div className="key-row__rationale">
          <label className="key-row__label" htmlFor={`${id}-rationale`}>
            Rationale <span className="key-row__hint">optional, for the debrief</span>
          </label>
          <textarea
            id={`${id}-rationale`}
            className="text-area key-row__textarea"
            rows={2}
            value={row.rationale}
            onChange={(e) => onChange(id, { rationale: e.target.value })}
            aria-invalid={errors?.rationale ? true : undefined}
            aria-describedby={describedBy('rationale')}
            placeholder="Why this verdict: what the evidence shows"
            data-testid="key-rationale"
          />
          {errors?.rationale && (
            <p className="key-row__error" id={`${id}-rationale-error`}>
              {errors.rationale}
            </p>
          )}
        </div>
      </div>
      <button
        type="button"
        className="key-row__remove"
        onClick={onRemove}
        aria-label={`Remove claim ${n}`}
        title={`Remove claim ${n}`}
        data-remove-row=""
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path
            fill="currentColor"
            d="M6.5 1.75a.75.75 0 0 0-.75.75V3H3a.75.75 0 0 0 0 1.5h.3l.7 8.6A1.75 1.75 0 0 0 5.74 14.7h4.52a1.75 1.75 0 0 0 1.74-1.6l.7-8.6h.3a.75.75 0 0 0 0-1.5h-2.75v-.5a.75.75 0 0 0-.75-.75h-3Zm.75 1.5h1.5V3h-1.5v.25ZM4.8 4.5h6.4l-.69 8.48a.25.25 0 0 1-.25.22H5.74a.25.25 0 0 1-.25-.22L4.8 4.5Z"
          />
        </svg>
      </button>
    </li>
  )
}

function SaveStatus({ state, dirty, hasSaved }: { state: SaveState; dirty: boolean; hasSaved: boolean }) {
  let text: string
  let tone: 'muted' | 'ok' | 'warn' | 'error' = 'muted'
  if (state.kind === 'saving') text = 'Saving…'
  else if (state.kind === 'failed') {
    text = 'Not saved'
    tone = 'error'
  } else if (dirty) {
    text = hasSaved ? 'Unsaved changes' : 'Not saved yet'
    tone = 'warn'
  } else if (state.kind === 'saved') {
    text = 'Saved'
    tone = 'ok'
  } else text = hasSaved ? 'Saved' : 'No key yet'
  return (
    <p className={`save-status save-status--${tone}`} role="status" data-testid="key-status">
      {text}
    </p>
  )
}

function takeOverSummary(found: number, result: ReturnType<typeof takeOverClaims>): string {
  if (found === 0) return 'The article has no marked claims yet. Mark them on the article, or type them here.'
  const parts: string[] = []
  if (result.added > 0) parts.push(`Added ${result.added} ${result.added === 1 ? 'claim' : 'claims'} from the article.`)
  if (result.alreadyThere > 0)
    parts.push(
      result.added > 0
        ? `${result.alreadyThere} already in the key.`
        : found === 1
          ? 'The claim marked on the article is already in the key.'
          : `All ${found} claims marked on the article are already in the key.`,
    )
  if (result.withoutVerdict > 0)
    parts.push(
      `${result.withoutVerdict} ${result.withoutVerdict === 1 ? 'has' : 'have'} no verdict on the article: choose one before saving.`,
    )
  if (result.added > 0) parts.push('Edit or remove rows, then save.')
  return parts.join(' ')
}
