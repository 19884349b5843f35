import { useState, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { api, describeError } from '../api/api'
import { Dialog } from '../ui/Dialog'
import { CreateActions, Field, FormError } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { navigate, workshopPath } from '../ui/router'
import { useResource } from '../ui/useResource'
import { workshopsApi } from '../api/workshops'

interface NewWorkshopDialogProps {
  workspaceId: string
  /** Started from an article: that one. Otherwise the trainer picks one of the workspace's. */
  article?: { id: string; title: string }
  onClose: () => void
}

const TITLE_MAX = LIMITS.titleMax

/** Name a workshop on an article; the trainer lands on its page to set the key and share the code. */
export function NewWorkshopDialog({ workspaceId, article, onClose }: NewWorkshopDialogProps) {
  const articles = useResource(
    () => (article ? Promise.resolve([]) : api.articles(workspaceId)),
    article ? `fixed:${article.id}` : workspaceId,
  )
  const [articleId, setArticleId] = useState(article?.id ?? '')
  const [title, setTitle] = useState(article ? defaultTitle(article.title) : '')
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)

  const pick = (id: string) => {
    setArticleId(id)
    // Follow the article while the trainer has not written a title of their own.
    const chosen = articles.status === 'ready' ? articles.data.find((a) => a.id === id) : undefined
    const previous = articles.status === 'ready' ? articles.data.find((a) => a.id === articleId) : undefined
    if (chosen && (title === '' || (previous && title === defaultTitle(previous.title))))
      setTitle(defaultTitle(chosen.title))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (articleId === '') missing.articleId = 'Choose the article the participants will check.'
    if (title.trim() === '') missing.title = 'Give the workshop a title; participants see it on their copy.'
    if (Object.keys(missing).length > 0) return setErrors({ fields: missing, form: null })
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      const created = await workshopsApi.create(workspaceId, { articleId, title: title.trim() })
      onClose()
      navigate(workshopPath(workspaceId, created.id))
    } catch (error) {
      setErrors(formErrorsFrom(error, ['title', 'articleId']))
      setPending(false)
    }
  }

  return (
    <Dialog
      title="Start a workshop"
      description="Each participant gets an own copy of the article, without its claims, and joins with a code — no account needed. You set the answer key next; they never see it."
      onClose={onClose}
      testId="new-workshop-dialog"
    >
      <form className="form new-workshop-form" onSubmit={(e) => void submit(e)} noValidate>
        {article ? (
          <div className="field">
            <span className="field__label">Article</span>
            <p className="new-workshop__article">{article.title}</p>
          </div>
        ) : (
          <Field
            label="Article"
            error={errors.fields.articleId}
            hint="Participants start from its text as it is now; later edits do not reach them."
          >
            {(control) =>
              articles.status === 'failed' ? (
                <FormError testId="articles-error">
                  The articles could not be loaded. {describeError(articles.error)}{' '}
                  <button type="button" className="link-button" onClick={articles.reload}>
                    Try again
                  </button>
                </FormError>
              ) : (
                <select
                  {...control}
                  className="select"
                  value={articleId}
                  onChange={(e) => pick(e.target.value)}
                  disabled={articles.status === 'loading'}
                >
                  <option value="">
                    {articles.status === 'loading' ? 'Loading the articles…' : 'Choose an article…'}
                  </option>
                  {articles.status === 'ready' &&
                    articles.data.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.title}
                      </option>
                    ))}
                </select>
              )
            }
          </Field>
        )}
        <Field
          label="Workshop title"
          error={errors.fields.title}
          hint="Shown at the top of every participant's copy, e.g. the session's name."
        >
          {(control) => (
            <input
              {...control}
              className="text-input"
              autoFocus
              maxLength={TITLE_MAX}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="e.g. Casualty figures — Tuesday training"
            />
          )}
        </Field>
        {errors.form !== null && <FormError>{errors.form}</FormError>}
        <CreateActions label="Create workshop" pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  )
}

function defaultTitle(articleTitle: string): string {
  return `Workshop: ${articleTitle}`.slice(0, TITLE_MAX)
}
