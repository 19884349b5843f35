import { Dialog } from '../../ui/Dialog'
import { CLAIM_SHORTCUTS } from './claimKeys'

/** `?` on a claim: every key the claims panel answers to. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="On a claim in the panel (its card has the focus)."
      onClose={onClose}
      size="small"
      testId="shortcut-sheet"
    >
      <dl className="shortcut-sheet">
        {CLAIM_SHORTCUTS.map(({ keys, what }) => (
          <div key={what} className="shortcut-sheet__row">
            <dt>{keys.map((k, i) => (k === '…' ? <span key={i}> … </span> : <kbd key={i}>{k}</kbd>))}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
