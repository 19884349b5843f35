import { useState } from 'react'
import { describeError } from '../api/api'
import { Dialog } from '../ui/Dialog'
import { FormError } from '../ui/Field'
import { workshopsApi } from '../api/workshops'

interface RevealDialogProps {
  workshopId: string
  participants: number
  onRevealed: () => void
  onClose: () => void
}

/** Revealing cannot be undone: say what participants will and will not see before doing it. */
export function RevealDialog({ workshopId, participants, onRevealed, onClose }: RevealDialogProps) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const reveal = async () => {
    setPending(true)
    setError(null)
    try {
      await workshopsApi.reveal(workshopId)
      onRevealed()
      onClose()
    } catch (e) {
      setError(describeError(e))
      setPending(false)
    }
  }

  return (
    <Dialog title="Reveal the results?" onClose={onClose} size="small" testId="reveal-dialog">
      <div className="reveal-dialog">
        <p>
          {participants === 0
            ? 'Nobody has joined yet. Anyone who joins later sees their score straight away.'
            : `Each of the ${participants === 1 ? 'participant' : `${participants} participants`} then sees their own score: how many key claims they found, and how many verdicts matched.`}
        </p>
        <p>
          They do not see the answer key itself, nor anyone else&apos;s score. You see everyone&apos;s. This cannot be
          undone.
        </p>
        {error !== null && <FormError>{error}</FormError>}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
            Not yet
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void reveal()}
            disabled={pending}
            data-testid="confirm-reveal"
          >
            {pending ? 'Revealing…' : 'Reveal results'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
