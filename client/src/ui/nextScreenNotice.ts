/**
 * A line for the next screen to show once: after an action that leaves the page it was
 * taken on (deleting a workshop), the page you land on says what happened.
 */
let pending: string | null = null

export function noticeForNextScreen(message: string): void {
  pending = message
}

/** The pending line, if any; it is shown once. */
export function takeNextScreenNotice(): string | null {
  const message = pending
  pending = null
  return message
}
