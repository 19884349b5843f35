/**
 * Above a participant's copy once the trainer revealed the answers: the copy stopped
 * taking edits, and the participant must not wonder why their typing does nothing.
 */
export function CopyLockedNotice() {
  return (
    <div className="role-notice role-notice--read-only" role="alert" data-testid="copy-locked-notice">
      <svg className="role-notice__icon" aria-hidden="true" viewBox="0 0 16 16" width="18" height="18">
        <path fill="currentColor" d="M5 7V5a3 3 0 1 1 6 0v2h.5c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-7c-.8 0-1.5-.7-1.5-1.5v-5C3 7.7 3.7 7 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
      </svg>
      <p className="role-notice__text">
        <strong className="role-notice__headline">The trainer revealed the answers: your copy is now locked.</strong> Your claims and
        verdicts are final, so your score no longer changes. You can still read your copy and your notes.
      </p>
    </div>
  )
}
