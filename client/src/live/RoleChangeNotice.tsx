import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../api/roleLabels'
import { canEdit } from '../api/types'
import type { RoleChange } from './useLiveRole'

interface RoleChangeNoticeProps {
  change: RoleChange
  onDismiss: () => void
  /** "this article", "this copy": what became read-only or editable. */
  what?: string
}

/**
 * Says, above the text, that an owner changed your role while you had it open. Losing
 * write access is an alert: whatever you were about to type would go nowhere.
 */
export function RoleChangeNotice({ change, onDismiss, what = 'this article' }: RoleChangeNoticeProps) {
  const role = ROLE_LABELS[change.to].toLowerCase()
  const readOnly = !canEdit(change.to)
  const { headline, detail } = readOnly
    ? {
        headline: `Your role changed to ${role}: ${what} is now read-only.`,
        detail:
          'You can still read along and see others’ changes live. Ask a workspace owner if you need to edit again.',
      }
    : !canEdit(change.from)
      ? {
          headline: `Your role changed to ${role}: you can now edit ${what}.`,
          detail: 'Your changes are saved and shared as you type.',
        }
      : {
          headline: `Your role changed from ${ROLE_LABELS[change.from].toLowerCase()} to ${role}.`,
          detail: `${ROLE_DESCRIPTIONS[change.to]}.`,
        }

  return (
    <div
      // A new change is a new announcement, even when the text is the same.
      key={change.id}
      className={`role-notice ${readOnly ? 'role-notice--read-only' : 'role-notice--writable'}`}
      role={readOnly ? 'alert' : 'status'}
      data-testid="role-notice"
      data-read-only={readOnly}
    >
      <svg className="role-notice__icon" aria-hidden="true" viewBox="0 0 16 16" width="18" height="18">
        {readOnly ? (
          <path
            fill="currentColor"
            d="M5 7V5a3 3 0 1 1 6 0v2h.5c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-7c-.8 0-1.5-.7-1.5-1.5v-5C3 7.7 3.7 7 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z"
          />
        ) : (
          <path
            fill="currentColor"
            d="M11.1 1.6a1.9 1.9 0 0 1 2.7 0l.6.6c.7.7.7 1.9 0 2.7L6 13.3l-3.6.9a.6.6 0 0 1-.7-.7l.9-3.6 8.5-8.3Z"
          />
        )}
      </svg>
      <p className="role-notice__text">
        <strong className="role-notice__headline">{headline}</strong> {detail}
      </p>
      <button type="button" className="button button--quiet button--small role-notice__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}
