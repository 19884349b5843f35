import { useEffect, useId, useRef, useState } from 'react'

interface CopyFieldProps {
  label: string
  value: string
  /** Monospace for codes and tokens. */
  code?: boolean
  testId?: string
}

/** A read-only value with a Copy button; the text is selectable too when the clipboard is not available. */
export function CopyField({ label, value, code = false, testId }: CopyFieldProps) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)

  useEffect(() => {
    if (copied === null) return
    const timer = window.setTimeout(() => setCopied(null), 2500)
    return () => window.clearTimeout(timer)
  }, [copied])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
    } catch {
      // Insecure origin or permission denied: select it so Ctrl+C works.
      input.current?.select()
      setCopied('failed')
    }
  }

  return (
    <div className="copy-field" data-testid={testId}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className={code ? 'text-input text-input--code' : 'text-input'}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--quiet" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Copying is blocked here: press Ctrl+C (⌘C) to copy the selected text.'
            : ''}
      </p>
    </div>
  )
}
