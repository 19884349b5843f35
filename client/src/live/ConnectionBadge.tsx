import type { ConnectionPhase, ConnectionState } from './useConnectionState'
import './connection.css'

const LABELS: Record<ConnectionPhase, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  refused: 'Not connected',
}

// Said in full on hover, so the short label can stay calm.
const EXPLANATIONS: Record<ConnectionPhase, string> = {
  connecting: 'Opening the shared article.',
  connected: 'Your edits reach everyone as you type.',
  reconnecting: 'Lost the connection to the server. Keep working: your edits are kept here and sent when it is back.',
  offline: 'Your browser is offline. Keep working: your edits are kept here and sent when you are back online.',
  refused: 'The server closed this article for this browser.',
}

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { phase, unsyncedEdits } = state
  const pending =
    unsyncedEdits > 0 ? `${unsyncedEdits} ${unsyncedEdits === 1 ? 'edit' : 'edits'} waiting to sync` : null

  return (
    <div
      className={`connection-badge connection-badge--${phase}`}
      data-testid="connection-badge"
      data-state={phase}
      role="status"
      aria-live="polite"
      title={EXPLANATIONS[phase]}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__label">{LABELS[phase]}</span>
      {pending !== null && (
        <span className="connection-badge__pending" data-testid="unsynced-edits">
          {pending}
        </span>
      )}
    </div>
  )
}
