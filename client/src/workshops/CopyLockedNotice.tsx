import { ReadOnlyNotice } from '../ui/ReadOnlyNotice'

/** Above a participant's copy once it stopped taking edits: the trainer revealed the answers, or time ran out. */
export function CopyLockedNotice({ reason }: { reason: 'revealed' | 'ended' }) {
  if (reason === 'ended')
    return (
      <ReadOnlyNotice headline="Time is up: your copy is now locked." testId="copy-locked-notice">
        Your claims and verdicts are final. Your trainer reveals the results when the room is ready to go through them.
      </ReadOnlyNotice>
    )
  return (
    <ReadOnlyNotice headline="The trainer revealed the answers: your copy is now locked." testId="copy-locked-notice">
      Your claims and verdicts are final, so your score no longer changes. You can still read your copy and your notes.
    </ReadOnlyNotice>
  )
}
