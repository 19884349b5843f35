import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { api, ApiError, sentence } from '../api/api'
import { Field, FormError, type ControlProps } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { PRODUCT_NAME } from '../ui/product'
import { currentNext, followLink, loginPath, signupPath } from '../ui/router'
import { useSession } from './session'
import './auth.css'

const MIN_PASSWORD_LENGTH = LIMITS.passwordMin

/** The calm centred card both screens share; says what an invitation link is for. */
function AuthCard({
  title,
  lede,
  children,
  footer,
}: {
  title: string
  lede: ReactNode
  children: ReactNode
  footer: ReactNode
}) {
  const next = currentNext()
  const invited = next.startsWith('/invite/')
  useEffect(() => {
    document.title = `${title} · ${PRODUCT_NAME}`
  }, [title])
  return (
    <main className="auth" id="main">
      <div className="auth__card">
        <p className="auth__product">
          <span className="topbar__mark" aria-hidden="true">
            ✓
          </span>
          {PRODUCT_NAME}
        </p>
        {invited && (
          <p className="auth__invite" data-testid="invite-notice">
            You have been invited to a workspace. {title === 'Log in' ? 'Log in' : 'Create your account'} to join it.
          </p>
        )}
        <h1 className="auth__title">{title}</h1>
        <p className="auth__lede">{lede}</p>
        {children}
      </div>
      <p className="auth__footer">{footer}</p>
    </main>
  )
}

function PasswordInput({
  control,
  value,
  onChange,
  autoComplete,
}: {
  control: ControlProps
  value: string
  onChange: (v: string) => void
  autoComplete: string
}) {
  const [shown, setShown] = useState(false)
  return (
    <div className="password-input">
      <input
        {...control}
        className="text-input"
        type={shown ? 'text' : 'password'}
        name="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        className="password-input__toggle"
        aria-pressed={shown}
        aria-label={shown ? 'Hide password' : 'Show password'}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </div>
  )
}

export function LoginScreen() {
  const { signedIn } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (email.trim() === '') missing.email = 'Enter the email address you signed up with.'
    if (password === '') missing.password = 'Enter your password.'
    if (Object.keys(missing).length > 0) return setErrors({ fields: missing, form: null })
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      signedIn(await api.login({ email: email.trim(), password }))
      // The router now sees you signed in and takes you to `next`.
    } catch (error) {
      setErrors(formErrorsFrom(error, ['email', 'password']))
      setPending(false)
    }
  }

  return (
    <AuthCard
      title="Log in"
      lede="Welcome back. Your desk's articles and claims are where you left them."
      footer={
        <>
          New here?{' '}
          <a href={signupPath(currentNext())} onClick={followLink}>
            Create an account
          </a>
        </>
      }
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="login-form">
        <Field label="Email" error={errors.fields.email}>
          {(control) => (
            <input
              {...control}
              className="text-input"
              type="email"
              name="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password" error={errors.fields.password}>
          {(control) => (
            <PasswordInput control={control} value={password} onChange={setPassword} autoComplete="current-password" />
          )}
        </Field>
        {errors.form !== null && <FormError>{errors.form}</FormError>}
        <button type="submit" className="button button--primary button--wide" disabled={pending}>
          {pending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthCard>
  )
}

export function SignupScreen() {
  const { signedIn } = useSession()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (name.trim() === '') missing.name = 'Enter the name your colleagues know you by.'
    if (email.trim() === '') missing.email = 'Enter your work email address.'
    if (password === '') missing.password = `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`
    if (Object.keys(missing).length > 0) return setErrors({ fields: missing, form: null })
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      signedIn(await api.signup({ name: name.trim(), email: email.trim(), password }))
    } catch (error) {
      // "An account with this email already exists" is about the email field, though it names none.
      if (error instanceof ApiError && error.status === 409)
        setErrors({ fields: { email: sentence(error.message) }, form: null })
      else setErrors(formErrorsFrom(error, ['name', 'email', 'password']))
      setPending(false)
    }
  }

  const short = password.length > 0 && password.length < MIN_PASSWORD_LENGTH
  return (
    <AuthCard
      title="Create your account"
      lede="Check articles with your desk in real time: mark claims, gather evidence, agree on verdicts."
      footer={
        <>
          Already have an account?{' '}
          <a href={loginPath(currentNext())} onClick={followLink}>
            Log in
          </a>
        </>
      }
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="signup-form">
        <Field
          label="Your name"
          error={errors.fields.name}
          hint="Shown to colleagues next to your cursor and your notes."
        >
          {(control) => (
            <input
              {...control}
              className="text-input"
              name="name"
              autoComplete="name"
              autoFocus
              maxLength={LIMITS.nameMax}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Email" error={errors.fields.email}>
          {(control) => (
            <input
              {...control}
              className="text-input"
              type="email"
              name="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Password"
          error={errors.fields.password}
          testId="password-field"
          hint={
            <>
              At least {MIN_PASSWORD_LENGTH} characters. A short phrase you will remember works well.
              {short && <span className="field__count"> {password.length} so far.</span>}
            </>
          }
        >
          {(control) => (
            <PasswordInput control={control} value={password} onChange={setPassword} autoComplete="new-password" />
          )}
        </Field>
        {errors.form !== null && <FormError>{errors.form}</FormError>}
        <button type="submit" className="button button--primary button--wide" disabled={pending}>
          {pending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  )
}
