import { formatDateTime } from '../ui/format'
import { followLink, joinPath, workshopCopyPath } from '../ui/router'
import { colorForId } from '../ui/identity'
import { Avatar } from '../live/Avatar'
import type { TrainerWorkshop } from '../api/workshops'
import { LiveStatus, type LiveState } from './LiveStatus'

/** Who joined and how far each one is, refreshed while the page is open. */
export function ParticipantsPanel({ workshop, live }: { workshop: TrainerWorkshop; live: LiveState }) {
  const { participants } = workshop
  return (
    <section className="workshop-section" aria-labelledby="participants-heading" data-testid="participants">
      <header className="workshop-section__header">
        <h2 id="participants-heading" className="workshop-section__title">
          Participants{' '}
          <span className="panel-heading__count" data-testid="participant-count">
            {participants.length}
          </span>
        </h2>
        <LiveStatus live={live} />
      </header>
      {participants.length === 0 ? (
        <div className="empty-state empty-state--compact" data-testid="participants-empty">
          <h3 className="empty-state__title">Nobody has joined yet</h3>
          <p className="empty-state__text">
            Show the join code on the projector, or send the join link. Participants open{' '}
            <strong>{location.host + joinPath()}</strong>, type the code and their name, and get their own copy of the
            article. They appear here as they join, and you can follow how many claims and verdicts each has — without
            reloading.
          </p>
        </div>
      ) : (
        <div className="data-table__wrap workshop-table__wrap">
          <table className="data-table workshop-table" data-testid="participants-table">
            <caption className="visually-hidden">
              Participants in join order, with the claims and verdicts in their copy right now
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Joined</th>
                <th scope="col" className="workshop-table__num">
                  Claims marked
                </th>
                <th scope="col" className="workshop-table__num">
                  With a verdict
                </th>
                <th scope="col">
                  <span className="visually-hidden">Copy</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.participantId} data-testid="participant-row" data-participant-id={p.participantId}>
                  <th scope="row">
                    <span className="workshop-table__name">
                      <Avatar name={p.name} color={colorForId(p.participantId)} size="small" decorative />
                      {p.name}
                    </span>
                  </th>
                  <td className="workshop-table__muted" data-label="Joined">
                    {formatDateTime(p.joinedAt)}
                  </td>
                  <td className="workshop-table__num" data-label="Claims marked" data-testid="participant-claims">
                    {p.claims}
                  </td>
                  <td className="workshop-table__num" data-label="With a verdict" data-testid="participant-verdicts">
                    {p.verdicts}
                  </td>
                  <td className="workshop-table__actions">
                    <a
                      className="button button--quiet button--small"
                      href={workshopCopyPath(workshop.workspaceId, workshop.id, p.participantId)}
                      onClick={followLink}
                      aria-label={`Open ${p.name}'s copy`}
                    >
                      Open copy
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
