import { useState } from 'react'
import { describeError } from '../api/api'
import { Dialog } from '../ui/Dialog'
import { FormError } from '../ui/Field'
import { workshopsApi } from '../api/workshops'

interface LeaveWorkshopDialogProps {
  title: string
  onLeft: () => void
  onClose: () => void
}

/**
 * Leaving is for a shared computer: the next person joins fresh. It cannot be undone from
 * here (the session is gone), so say what stays and what coming back would mean.
 */
export function LeaveWorkshopDialog({ title, onLeft, onClose }: LeaveWorkshopDialogProps) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const leave = async () => {
    setPending(true)
    setError(null)
    try {
      await workshopsApi.leave()
      onLeft()
    } catch (e) {
      setError(describeError(e))
      setPending(false)
    }
  }

  return (
    <Dialog title={`Leave “${title}”?`} size="small" onClose={onClose} testId="leave-workshop-dialog">
      <div className="reveal-dialog">
        <p>
          Your claims, verdicts and notes so far <strong>stay with your trainer</strong>. This browser forgets you, so
          the next person can join on it.
        </p>
        <p>To come back you would join again with the code, as a new participant with a fresh copy.</p>
        {error !== null && <FormError>{error}</FormError>}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
            Stay
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void leave()}
            disabled={pending}
            data-testid="confirm-leave-workshop"
          >
            {pending ? 'Leaving…' : 'Leave workshop'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
