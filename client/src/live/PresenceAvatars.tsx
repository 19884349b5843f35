import { Avatar } from './Avatar'
import type { Person } from './usePresence'
import './presence.css'

const MAX_SHOWN = 5

/** The top bar's glance at who is here; the sidebar lists them by name. */
export function PresenceAvatars({ people }: { people: Person[] }) {
  const shown = people.slice(0, MAX_SHOWN)
  const hidden = people.length - shown.length
  const names = people.map((p) => (p.isSelf ? `${p.name} (you)` : p.name)).join(', ')
  return (
    <div className="presence-avatars" data-testid="presence-avatars" aria-label={`Here now: ${names}`} role="group">
      {shown.map((person) => (
        <Avatar
          key={person.key}
          name={person.name}
          label={person.isSelf ? `${person.name} (you)` : person.name}
          color={person.color}
          size="small"
        />
      ))}
      {hidden > 0 && <span className="presence-avatars__more">+{hidden}</span>}
    </div>
  )
}
