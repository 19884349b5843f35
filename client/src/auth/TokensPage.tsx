import { useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { api, describeError, type ApiTokenInfo, type NewApiToken } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { CopyField } from '../ui/CopyField'
import { Dialog } from '../ui/Dialog'
import { Field, FormError } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { formatDate, formatDateTime } from '../ui/format'
import { InlineState } from '../ui/InlineState'
import { useResource } from '../ui/useResource'
import './auth.css'

/** `/account/tokens`: personal API tokens for scripts; the secret is shown once, at creation. */
export function TokensPage() {
  const tokens = useResource(() => api.tokens(), 'tokens')
  const [name, setName] = useState('')
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [created, setCreated] = useState<NewApiToken | null>(null)
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null)

  const create = async (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '')
      return setErrors({ fields: { name: 'Name the token after what will use it, e.g. "newsroom bot".' }, form: null })
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      setCreated(await api.createToken(name.trim()))
      setName('')
      tokens.reload()
    } catch (error) {
      setErrors(formErrorsFrom(error, ['name']))
    } finally {
      setPending(false)
    }
  }

  return (
    <AppFrame title="API tokens">
      <div className="page page--narrow">
        <div className="page-header">
          <h1 className="page-header__title">API tokens</h1>
          <p className="page-header__lede">
            Scripts and integrations (newsroom bots, claim detection, dashboards) use a personal token to act as you:
            send it as <code>Authorization: Bearer …</code> to the API, or as <code>?token=…</code> on the collaboration
            socket. A token can do everything you can, so keep it secret and revoke it when it is no longer used.
          </p>
        </div>

        <section className="card" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading" className="card__title">
            Create a token
          </h2>
          <form className="token-form" onSubmit={(e) => void create(e)} noValidate>
            <Field label="Name" error={errors.fields.name} hint="So you can tell your tokens apart later.">
              {(control) => (
                <div className="token-form__row">
                  <input
                    {...control}
                    className="text-input"
                    maxLength={LIMITS.nameMax}
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    placeholder="e.g. newsroom bot"
                  />
                  <button type="submit" className="button button--primary" disabled={pending}>
                    {pending ? 'Creating…' : 'Create token'}
                  </button>
                </div>
              )}
            </Field>
            {errors.form !== null && <FormError>{errors.form}</FormError>}
          </form>

          {created !== null && (
            <div className="new-token" data-testid="new-token">
              <p className="new-token__warning" role="status">
                <strong>Copy “{created.name}” now.</strong> This is the only time it is shown; we keep only a
                fingerprint of it.
              </p>
              <CopyField label="Your new token" value={created.token} code testId="new-token-value" />
              <button type="button" className="button button--quiet" onClick={() => setCreated(null)}>
                I have copied it
              </button>
            </div>
          )}
        </section>

        <section aria-labelledby="tokens-heading" className="tokens">
          <h2 id="tokens-heading" className="panel-heading">
            Your tokens{' '}
            {tokens.status === 'ready' && <span className="panel-heading__count">{tokens.data.length}</span>}
          </h2>
          {tokens.status === 'loading' && <InlineState tone="loading" title="Loading your tokens…" />}
          {tokens.status === 'failed' && (
            <InlineState
              tone="error"
              title="Your tokens could not be loaded"
              action={{ label: 'Try again', onClick: tokens.reload }}
            >
              {describeError(tokens.error)}
            </InlineState>
          )}
          {tokens.status === 'ready' &&
            (tokens.data.length === 0 ? (
              <p className="tokens__empty" data-testid="tokens-empty">
                No tokens yet. Create one above when a script or integration needs to work with your workspaces.
              </p>
            ) : (
              <ul className="token-list" data-testid="token-list">
                {tokens.data.map((token) => (
                  <li key={token.id} className="token-list__item">
                    <div>
                      <p className="token-list__name">{token.name}</p>
                      <p className="token-list__meta">
                        Created {formatDate(token.createdAt)} ·{' '}
                        {token.lastUsedAt === null ? 'never used' : `last used ${formatDateTime(token.lastUsedAt)}`}
                      </p>
                    </div>
                    <button
                      type="button"
                      className="button button--quiet button--small button--danger-quiet"
                      onClick={() => setRevoking(token)}
                    >
                      Revoke<span className="visually-hidden"> {token.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </section>
      </div>
      {revoking !== null && (
        <RevokeDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null)
            if (created?.id === revoking.id) setCreated(null)
            tokens.reload()
          }}
        />
      )}
    </AppFrame>
  )
}

function RevokeDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiTokenInfo
  onClose: () => void
  onRevoked: () => void
}) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const revoke = async () => {
    setPending(true)
    try {
      await api.revokeToken(token.id)
      onRevoked()
    } catch (e) {
      setError(describeError(e))
      setPending(false)
    }
  }
  return (
    <Dialog
      title={`Revoke “${token.name}”?`}
      size="small"
      onClose={onClose}
      testId="revoke-dialog"
      description="Scripts using it stop working at once, on the API and for new socket connections. This cannot be undone."
    >
      {error !== null && <FormError>{error}</FormError>}
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" disabled={pending} onClick={() => void revoke()}>
          {pending ? 'Revoking…' : 'Revoke token'}
        </button>
      </div>
    </Dialog>
  )
}
