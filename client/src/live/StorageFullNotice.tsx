/**
 * Says, above the text, that the server cannot store edits right now (its disk is full), so
 * the text is read-only until space returns. It is not a role change: nothing to ask anyone.
 */
export function StorageFullNotice() {
  return (
    <div className="role-notice role-notice--read-only" role="alert" data-testid="storage-full-notice">
      <svg className="role-notice__icon" aria-hidden="true" viewBox="0 0 16 16" width="18" height="18">
        <path fill="currentColor" d="M5 7V5a3 3 0 1 1 6 0v2h.5c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-7c-.8 0-1.5-.7-1.5-1.5v-5C3 7.7 3.7 7 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
      </svg>
      <p className="role-notice__text">
        <strong className="role-notice__headline">The server cannot save changes right now: editing is paused.</strong> Its storage is
        full. Everything saved so far is safe and you can keep reading; editing comes back on its own when space is freed.
      </p>
    </div>
  )
}
