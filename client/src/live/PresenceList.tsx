import { Avatar } from './Avatar'
import type { Person } from './usePresence'
import './presence.css'

interface PresenceListProps {
  people: Person[]
  /** Without a live connection we cannot know who else is here; say so instead of "nobody". */
  inStep: boolean
  onRename?: () => void
  /** What "nobody else is here" should add: who could join, and how. */
  aloneHint?: string
  /** The heading; "In this article" unless the document is something else (a workshop copy). */
  heading?: string
}

const DESK_ALONE_HINT =
  "Nobody else is here yet. Anyone in this workspace can join you from its article list or this page's address."

/** The full list, with names: who is reading or editing this article now. */
export function PresenceList({
  people,
  inStep,
  onRename,
  aloneHint = DESK_ALONE_HINT,
  heading = 'In this article',
}: PresenceListProps) {
  const others = people.filter((p) => !p.isSelf).length
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="panel-heading">
        {heading}
        <span className="panel-heading__count">{people.length}</span>
      </h2>
      <ul className="presence__list" data-testid="presence-list">
        {people.map((person) => (
          <li key={person.key} className="presence__person" data-self={person.isSelf || undefined}>
            <Avatar name={person.name} color={person.color} decorative />
            <span className="presence__name">{person.name}</span>
            {person.isSelf && <span className="presence__you">you</span>}
            {person.isSelf && onRename && (
              <button type="button" className="link-button presence__rename" onClick={onRename}>
                Change name
              </button>
            )}
          </li>
        ))}
      </ul>
      {!inStep ? (
        <p className="presence__alone">Others show up here again once you are connected.</p>
      ) : (
        others === 0 && <p className="presence__alone">{aloneHint}</p>
      )}
    </section>
  )
}
