import { useState } from 'react'
import { describeError } from '../api/api'
import { Dialog } from '../ui/Dialog'
import { FormError } from '../ui/Field'
import { workshopsApi } from '../api/workshops'

interface DeleteWorkshopDialogProps {
  workshopId: string
  title: string
  participants: number
  onDeleted: () => void
  onClose: () => void
}

/** Deleting takes the participants' work with it: name exactly what goes before doing it. */
export function DeleteWorkshopDialog({
  workshopId,
  title,
  participants,
  onDeleted,
  onClose,
}: DeleteWorkshopDialogProps) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const remove = async () => {
    setPending(true)
    setError(null)
    try {
      await workshopsApi.remove(workshopId)
      onDeleted()
    } catch (e) {
      setError(describeError(e))
      setPending(false)
    }
  }

  const copies = participants === 1 ? 'the participant’s copy' : `all ${participants} participants’ copies`
  return (
    <Dialog title={`Delete “${title}”?`} size="small" onClose={onClose} testId="delete-workshop-dialog">
      <div className="reveal-dialog">
        {participants === 0 ? (
          <p>Nobody has joined yet. The workshop, its join code and its answer key are deleted.</p>
        ) : (
          <p>
            This deletes the workshop with <strong>{copies}</strong> (their claims, verdicts and notes) and{' '}
            <strong>their results</strong>, along with the join code and the answer key. Anyone still working in their
            copy is told it was deleted.
          </p>
        )}
        <p>The article itself is not touched. This cannot be undone.</p>
        {error !== null && <FormError>{error}</FormError>}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
            Keep it
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void remove()}
            disabled={pending}
            data-testid="confirm-delete-workshop"
          >
            {pending ? 'Deleting…' : 'Delete workshop'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
