import type { ReactNode } from 'react'

function LockIcon() {
  return (
    <svg className="role-notice__icon" aria-hidden="true" viewBox="0 0 16 16" width="18" height="18">
      <path
        fill="currentColor"
        d="M5 7V5a3 3 0 1 1 6 0v2h.5c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-7c-.8 0-1.5-.7-1.5-1.5v-5C3 7.7 3.7 7 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z"
      />
    </svg>
  )
}

/**
 * An alert above the text that it stopped taking edits, and why: whoever types must not
 * wonder why their typing does nothing.
 */
export function ReadOnlyNotice({
  headline,
  children,
  testId,
}: {
  headline: string
  children: ReactNode
  testId: string
}) {
  return (
    <div className="role-notice role-notice--read-only" role="alert" data-testid={testId}>
      <LockIcon />
      <p className="role-notice__text">
        <strong className="role-notice__headline">{headline}</strong> {children}
      </p>
    </div>
  )
}
