import { useEffect, useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { ApiError } from '../api/api'
import { Field, FormError } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { takeNextScreenNotice } from '../ui/nextScreenNotice'
import { PRODUCT_NAME } from '../ui/product'
import { followLink, navigate, participantPath } from '../ui/router'
import { workshopsApi } from '../api/workshops'
import { rememberJoin, tidyJoinCode } from './guestMemory'
import '../auth/auth.css'
import './workshops.css'

const NAME_MAX = LIMITS.participantNameMax

/**
 * `/join` and `/join/:code`: a participant types the code from the projector and their
 * name, and lands in their own copy. No account; the server sets a guest cookie.
 */
export function JoinScreen({ code: initialCode }: { code: string }) {
  const [code, setCode] = useState(() => tidyJoinCode(initialCode))
  const [name, setName] = useState('')
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  // "You left …" after a participant leaves on this computer.
  const [notice] = useState(takeNextScreenNotice)

  useEffect(() => {
    document.title = `Join a workshop · ${PRODUCT_NAME}`
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const tidy = tidyJoinCode(code)
    const missing: Record<string, string> = {}
    if (tidy === '') missing.code = 'Enter the code your trainer shows you.'
    if (name.trim() === '') missing.name = 'Enter your name, so your trainer can tell your work apart.'
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, form: null })
      focusField(missing.code ? 'code' : 'name')
      return
    }
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      const joined = await workshopsApi.join(tidy, name.trim())
      rememberJoin(joined.workshopId, { code: tidy, participantId: joined.participantId })
      navigate(participantPath(joined.workshopId))
    } catch (error) {
      setPending(false)
      if (error instanceof ApiError && error.status === 404) {
        setErrors({
          fields: { code: 'No workshop has this code. Check each character with your trainer and try again.' },
          form: null,
        })
        focusField('code')
        return
      }
      if (error instanceof ApiError && error.status === 409) {
        setErrors({
          fields: {},
          form: 'The trainer has already revealed the answers, so this workshop takes no new participants. If you joined earlier, open it in the browser you joined with.',
        })
        return
      }
      setErrors(formErrorsFrom(error, ['code', 'name']))
    }
  }

  return (
    <main className="auth" id="main">
      <div className="auth__card" data-testid="join-screen">
        <p className="auth__product">
          <span className="topbar__mark" aria-hidden="true">
            ✓
          </span>
          {PRODUCT_NAME}
        </p>
        <h1 className="auth__title">Join a workshop</h1>
        <p className="auth__lede">
          Type the code your trainer shows and your name. You get your own copy of the article to check — no account
          needed.
        </p>
        {notice !== null && (
          <p className="join__notice" role="status" data-testid="join-notice">
            {notice}
          </p>
        )}
        <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="join-form">
          <Field
            label="Workshop code"
            error={errors.fields.code}
            hint="8 letters and digits; spaces and dashes do not matter."
          >
            {(control) => (
              <input
                {...control}
                className="text-input join-form__code"
                name="code"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                autoFocus={initialCode === ''}
                maxLength={LIMITS.joinCodeMax}
                value={code}
                onChange={(e) => setCode(e.target.value.toUpperCase())}
                placeholder="ABCD 2345"
              />
            )}
          </Field>
          <Field
            label="Your name"
            error={errors.fields.name}
            hint="Your trainer sees it beside your work. Other participants do not."
          >
            {(control) => (
              <input
                {...control}
                className="text-input"
                name="name"
                autoComplete="name"
                autoFocus={initialCode !== ''}
                maxLength={NAME_MAX}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          {errors.form !== null && <FormError>{errors.form}</FormError>}
          <button type="submit" className="button button--primary button--wide" disabled={pending}>
            {pending ? 'Joining…' : 'Join workshop'}
          </button>
        </form>
      </div>
      <p className="auth__footer">
        Running the workshop?{' '}
        <a href="/login" onClick={followLink}>
          Log in
        </a>
      </p>
    </main>
  )
}

function focusField(name: 'code' | 'name'): void {
  document.querySelector<HTMLInputElement>(`[data-testid="join-form"] input[name="${name}"]`)?.focus()
}
