import { ReadOnlyNotice } from '../ui/ReadOnlyNotice'

/**
 * Above the text while the server cannot store edits (its disk is full): read-only until
 * space returns. Not a role change: there is nobody to ask.
 */
export function StorageFullNotice() {
  return (
    <ReadOnlyNotice
      headline="The server cannot save changes right now: editing is paused."
      testId="storage-full-notice"
    >
      Its storage is full. Everything saved so far is safe and you can keep reading; editing comes back on its own when
      space is freed.
    </ReadOnlyNotice>
  )
}
