import { useId, type ReactNode } from 'react'

export interface ControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

interface FieldProps {
  label: ReactNode
  /** Always shown under the control: what to type, limits. */
  hint?: ReactNode
  /** Shown in red under the control and announced; the control is marked invalid. */
  error?: string | null
  /** e.g. "optional", beside the label. */
  aside?: ReactNode
  children: (control: ControlProps) => ReactNode
  testId?: string
}

/** A labelled form control with its hint and inline error wired up for screen readers. */
export function Field({ label, hint, error, aside, children, testId }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const described = [error ? errorId : null, hint !== undefined ? hintId : null].filter(Boolean).join(' ')
  return (
    <div className="field" data-testid={testId}>
      <label className="field__label" htmlFor={id}>
        {label}
        {aside !== undefined && <span className="field__aside">{aside}</span>}
      </label>
      {children({
        id,
        'aria-describedby': described === '' ? undefined : described,
        'aria-invalid': error ? true : undefined,
      })}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  )
}

/** A problem with the form as a whole (wrong password, server unreachable), above its buttons. */
export function FormError({ children, testId = 'form-error' }: { children: ReactNode; testId?: string }) {
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" className="form-error__icon">
        <path
          fill="currentColor"
          d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7.25 4.5h1.5v4.75h-1.5V4.5Zm0 6h1.5V12h-1.5v-1.5Z"
        />
      </svg>
      <div>{children}</div>
    </div>
  )
}

/** The buttons under a create form: Cancel, and the submit button that says so while it works. */
export function CreateActions({
  label,
  pending,
  disabled = false,
  onCancel,
}: {
  label: string
  pending: boolean
  disabled?: boolean
  onCancel: () => void
}) {
  return (
    <div className="form__actions">
      <button type="button" className="button button--quiet" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={pending || disabled}>
        {pending ? 'Creating…' : label}
      </button>
    </div>
  )
}
