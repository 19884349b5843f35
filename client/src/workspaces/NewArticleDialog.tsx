import { useState, type ChangeEvent, type FormEvent } from 'react'
import { LIMITS } from '@fc/shared/validation/limits'
import { api, type NewArticle } from '../api/api'
import { Dialog } from '../ui/Dialog'
import { CreateActions, Field, FormError } from '../ui/Field'
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../api/formErrors'
import { articlePath, navigate } from '../ui/router'
import { detectFormat } from './detectFormat'

type BodyFormat = 'text' | 'markdown' | 'html'
type BodySource = 'paste' | 'file'

const FORMAT_LABELS: Record<BodyFormat, string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML' }
/** The server's cap per body (docs/api.md); checked here to say so before uploading megabytes. */
const MAX_BODY_CHARS = 1_000_000
const ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html'

export function formatOfFile(name: string): BodyFormat | null {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  if (ext === 'txt' || ext === 'text') return 'text'
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (ext === 'html' || ext === 'htm') return 'html'
  return null
}

/** A title to start from: the document's own headline, read without running any of it. */
export function guessTitle(content: string, format: BodyFormat): string {
  let candidate = ''
  if (format === 'html') {
    // Chromium reports every inline handler attribute it parses as a CSP violation, inert document
    // or not; a title needs no attributes, so handlers are renamed away before parsing.
    const doc = new DOMParser().parseFromString(content.replace(/(\s)on([a-z]+\s*=)/gi, '$1data-on-$2'), 'text/html')
    candidate = doc.querySelector('h1')?.textContent?.trim() || doc.title
  } else if (format === 'markdown') {
    candidate = /^#\s+(.+)$/m.exec(content)?.[1] ?? content.split('\n').find((l) => l.trim() !== '') ?? ''
  } else {
    candidate = content.split('\n').find((l) => l.trim() !== '') ?? ''
  }
  const clean = candidate.replace(/\s+/g, ' ').trim()
  return clean.length <= 160 ? clean : ''
}

/**
 * Create an article from pasted text or a file read here in the browser. HTML is
 * sanitized by the server; an empty body makes an article to write in the editor.
 */
export function NewArticleDialog({ workspaceId, onClose }: { workspaceId: string; onClose: () => void }) {
  const [title, setTitle] = useState('')
  const [sourceUrl, setSourceUrl] = useState('')
  const [source, setSource] = useState<BodySource>('paste')
  const [format, setFormat] = useState<BodyFormat>('text')
  const [pasted, setPasted] = useState('')
  const [file, setFile] = useState<{ name: string; content: string } | null>(null)
  const [reading, setReading] = useState(false)
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)

  const body = source === 'paste' ? pasted : (file?.content ?? '')
  // Markup pasted as plain text would arrive as literal tags: say so and offer the right reading.
  const [keptAsText, setKeptAsText] = useState<string | null>(null)
  const detected = source === 'paste' && format === 'text' && keptAsText !== pasted ? detectFormat(pasted) : 'text'

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0]
    setErrors(NO_ERRORS)
    if (picked === undefined) return setFile(null)
    const detected = formatOfFile(picked.name)
    if (detected === null) {
      setFile(null)
      return setErrors({ fields: { body: 'Choose a .txt, .md or .html file.' }, form: null })
    }
    setReading(true)
    try {
      const content = await picked.text()
      setFile({ name: picked.name, content })
      setFormat(detected)
      if (title.trim() === '') setTitle(guessTitle(content, detected))
    } catch {
      setFile(null)
      setErrors({
        fields: { body: 'This file could not be read. Try saving it again, or paste its text instead.' },
        form: null,
      })
    } finally {
      setReading(false)
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const problems: Record<string, string> = {}
    if (title.trim() === '') problems.title = 'Give the article a title.'
    if (source === 'file' && file === null) problems.body = 'Choose a file, or switch to pasting the text.'
    if (body.length > MAX_BODY_CHARS)
      problems.body = `The text is longer than ${MAX_BODY_CHARS.toLocaleString()} characters. Split it into several articles.`
    if (Object.keys(problems).length > 0) return setErrors({ fields: problems, form: null })

    const input: NewArticle = { title: title.trim() }
    if (sourceUrl.trim() !== '') input.sourceUrl = sourceUrl.trim()
    if (body.trim() !== '') input[format] = body
    setPending(true)
    setErrors(NO_ERRORS)
    try {
      const article = await api.createArticle(workspaceId, input)
      onClose()
      navigate(articlePath(article.id))
    } catch (error) {
      const found = formErrorsFrom(error, ['title', 'sourceUrl', 'text', 'markdown', 'html'])
      const bodyError = found.fields.text ?? found.fields.markdown ?? found.fields.html
      setErrors(bodyError ? { fields: { ...found.fields, body: bodyError }, form: found.form } : found)
      setPending(false)
    }
  }

  return (
    <Dialog title="New article" onClose={onClose} size="large" testId="new-article-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Title" error={errors.fields.title}>
          {(control) => (
            <input
              {...control}
              className="text-input"
              name="title"
              autoFocus
              maxLength={LIMITS.titleMax}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Source URL"
          aside="optional"
          error={errors.fields.sourceUrl}
          hint="Where the article was published, e.g. https://www.dawn.com/news/1912345"
        >
          {(control) => (
            <input
              {...control}
              className="text-input"
              type="url"
              name="sourceUrl"
              inputMode="url"
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.target.value)}
              placeholder="https://"
            />
          )}
        </Field>

        <fieldset className="body-picker">
          <legend className="field__label">Article text</legend>
          <div className="segmented" role="radiogroup" aria-label="Where the text comes from">
            {(['paste', 'file'] as const).map((s) => (
              <label key={s} className="segmented__option">
                <input type="radio" name="body-source" value={s} checked={source === s} onChange={() => setSource(s)} />
                <span>{s === 'paste' ? 'Paste text' : 'Upload a file'}</span>
              </label>
            ))}
          </div>

          <div className="body-picker__format">
            <label className="field__label field__label--inline" htmlFor="new-article-format">
              Format
            </label>
            <select
              id="new-article-format"
              className="select"
              value={format}
              onChange={(e) => setFormat(e.target.value as BodyFormat)}
            >
              {(Object.keys(FORMAT_LABELS) as BodyFormat[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
            <span className="field__hint">{formatHint(format)}</span>
          </div>

          {source === 'paste' ? (
            <Field
              label="Text"
              error={errors.fields.body}
              hint="Leave it empty to start a blank article and write in the editor."
            >
              {(control) => (
                <textarea
                  {...control}
                  className="text-area"
                  name="body"
                  rows={7}
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  placeholder={
                    format === 'markdown'
                      ? '# Headline\n\nFirst paragraph…'
                      : format === 'html'
                        ? '<h1>Headline</h1>\n<p>First paragraph…</p>'
                        : 'Headline\n\nFirst paragraph…'
                  }
                />
              )}
            </Field>
          ) : null}
          {source === 'paste' && detected !== 'text' ? (
            <div className="format-offer" role="status" data-testid="format-offer">
              <p className="format-offer__text">
                This looks like {FORMAT_LABELS[detected]}. Read as plain text, its{' '}
                {detected === 'html' ? 'tags' : 'marks'} would appear in the article as typed.
              </p>
              <div className="format-offer__actions">
                <button type="button" className="button button--small" onClick={() => setFormat(detected)}>
                  Import as {FORMAT_LABELS[detected]}
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setKeptAsText(pasted)}
                >
                  Keep plain text
                </button>
              </div>
            </div>
          ) : null}
          {source === 'file' && (
            <Field
              label="File"
              error={errors.fields.body}
              hint={
                reading
                  ? 'Reading the file…'
                  : file !== null
                    ? `${file.name}: ${file.content.length.toLocaleString()} characters, read as ${FORMAT_LABELS[format]}.`
                    : '.txt, .md or .html. It is read in your browser and sent as text.'
              }
            >
              {(control) => (
                <input
                  {...control}
                  className="file-input"
                  type="file"
                  accept={ACCEPT}
                  onChange={(e) => void onFile(e)}
                />
              )}
            </Field>
          )}
        </fieldset>

        {errors.form !== null && <FormError>{errors.form}</FormError>}
        <CreateActions label="Create article" pending={pending} disabled={reading} onCancel={onClose} />
      </form>
    </Dialog>
  )
}

function formatHint(format: BodyFormat): string {
  switch (format) {
    case 'text':
      return 'One paragraph per line; short lines without a full stop become crossheads.'
    case 'markdown':
      return 'Headings and paragraphs are kept; links and emphasis become plain text.'
    case 'html':
      return 'Scripts, styles and embeds are removed; headings and paragraphs are kept.'
  }
}
