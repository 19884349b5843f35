import { ReadOnlyNotice } from '../ui/ReadOnlyNotice'

/** Above a participant's copy once the trainer revealed the answers: the copy stopped taking edits. */
export function CopyLockedNotice() {
  return (
    <ReadOnlyNotice headline="The trainer revealed the answers: your copy is now locked." testId="copy-locked-notice">
      Your claims and verdicts are final, so your score no longer changes. You can still read your copy and your notes.
    </ReadOnlyNotice>
  )
}
