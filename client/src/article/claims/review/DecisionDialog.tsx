import { useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { describeError } from '../../../api/api'
import type { Decision } from '../../../api/review'
import { Dialog } from '../../../ui/Dialog'
import { Field, FormError } from '../../../ui/Field'

interface DecisionDialogProps {
  decision: Decision
  /** The claim's words, so the editor sees what they decide on. */
  quote: string
  onDecide: (note: string) => Promise<void>
  onClose: () => void
}

/**
 * An editor's decision on one claim. Requesting changes needs a note (the checker reads it on
 * the claim card, live); an approval may carry one. Used by the claim card and the review queue.
 */
export function DecisionDialog({ decision, quote, onDecide, onClose }: DecisionDialogProps) {
  const [note, setNote] = useState('')
  const [pending, setPending] = useState(false)
  const [noteError, setNoteError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const changes = decision === 'request-changes'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (changes && note.trim() === '') {
      setNoteError('Say what needs to change: the checker reads this note.')
      return
    }
    setPending(true)
    setError(null)
    try {
      await onDecide(note)
      onClose()
    } catch (e) {
      setError(describeError(e))
      setPending(false)
    }
  }

  return (
    <Dialog
      title={changes ? 'Request changes' : 'Approve this claim'}
      description={<q className="decision-dialog__quote">{quote}</q>}
      onClose={onClose}
      size="medium"
      testId="decision-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label={changes ? 'What needs to change' : 'Note'}
          aside={changes ? undefined : 'optional'}
          error={noteError}
          hint={`${note.length} / ${LIMITS.noteMax} characters`}
        >
          {(control) => (
            <textarea
              {...control}
              className="text-area decision-dialog__note"
              rows={4}
              autoFocus
              maxLength={LIMITS.noteMax}
              value={note}
              aria-required={changes}
              placeholder={
                changes
                  ? 'e.g. The second source is a repost of the first; find the original statement.'
                  : 'Anything the team should know.'
              }
              onChange={(e) => {
                setNote(e.target.value)
                if (noteError !== null && e.target.value.trim() !== '') setNoteError(null)
              }}
              onKeyDown={(e) => {
                // Ctrl/⌘+Enter sends, as in the comment box.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e)
              }}
              data-testid="decision-note"
            />
          )}
        </Field>
        {error !== null && <FormError>{error}</FormError>}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending} data-testid="decision-submit">
            {pending ? 'Sending…' : changes ? 'Request changes' : 'Approve'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
