import { useId, useState, type FormEvent } from 'react'
import { Avatar } from '../presence/Avatar'
import { colorForName, MAX_NAME_LENGTH, normalizeName } from './identity'
import './identity.css'

interface NameFormProps {
  initialName?: string
  submitLabel: string
  onSubmit: (name: string) => void
  onCancel?: () => void
}

/** Asks for the name colleagues will see on your caret and in the presence list. */
export function NameForm({ initialName = '', submitLabel, onSubmit, onCancel }: NameFormProps) {
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const [name, setName] = useState(initialName)
  const [error, setError] = useState<string | null>(null)
  const clean = normalizeName(name)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (clean === '') {
      setError('Enter the name your colleagues know you by.')
      return
    }
    onSubmit(clean)
  }

  return (
    <form className="name-form" onSubmit={submit} noValidate data-testid="name-form">
      <label className="name-form__label" htmlFor={inputId}>
        Your name
      </label>
      <div className="name-form__row">
        <Avatar name={clean === '' ? '?' : clean} color={clean === '' ? '#98a2b3' : colorForName(clean)} decorative />
        <input
          id={inputId}
          className="text-input"
          type="text"
          name="displayName"
          autoComplete="name"
          autoFocus
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(e) => {
            setName(e.target.value)
            if (error !== null) setError(null)
          }}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${errorId} ${hintId}` : hintId}
          placeholder="e.g. Amina Qureshi"
        />
      </div>
      {error !== null && (
        <p id={errorId} className="name-form__error" role="alert">
          {error}
        </p>
      )}
      <p id={hintId} className="name-form__hint">
        Shown next to your cursor and in the list of people in an article. Kept in this browser only.
      </p>
      <div className="name-form__actions">
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
