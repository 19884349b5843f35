import { useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { Dialog } from '../ui/Dialog'
import { Field, FormError } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { workshopsApi } from '../api/workshops'

const TITLE_MAX = LIMITS.titleMax

interface RenameWorkshopDialogProps {
  workshopId: string
  title: string
  onRenamed: () => void
  onClose: () => void
}

/** A new title, seen at the top of every participant's copy from their next look. */
export function RenameWorkshopDialog({ workshopId, title: current, onRenamed, onClose }: RenameWorkshopDialogProps) {
  const [title, setTitle] = useState(current)
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (title.trim() === '')
      return setErrors({
        fields: { title: 'Give the workshop a title; participants see it on their copy.' },
        form: null,
      })
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      await workshopsApi.rename(workshopId, title.trim())
      onRenamed()
      onClose()
    } catch (error) {
      setErrors(formErrorsFrom(error, ['title']))
      setPending(false)
    }
  }

  return (
    <Dialog title="Rename the workshop" size="small" onClose={onClose} testId="rename-workshop-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Workshop title" error={errors.fields.title} hint="Participants see it at the top of their copy.">
          {(control) => (
            <input
              {...control}
              className="text-input"
              autoFocus
              maxLength={TITLE_MAX}
              value={title}
              onChange={(e) => {
                setTitle(e.target.value)
                // The complaint was about what was there before: do not leave it under a fixed title.
                if (errors.fields.title) setErrors(NO_ERRORS)
              }}
            />
          )}
        </Field>
        {errors.form !== null && <FormError>{errors.form}</FormError>}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending} data-testid="confirm-rename">
            {pending ? 'Saving…' : 'Rename'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
