import { useState } from 'react'
import { verdictLabel, type VerdictScale } from '@fc/shared/schema/index'
import { describeError } from '../api/api'
import type { Heatmap, ParticipantProgress } from '../api/workshops'
import { InlineState } from '../ui/InlineState'
import { HEAT_STEPS, heatStep, marksOver, piecesOf, type TextPiece } from './heatRuns'
import type { LiveResource } from './useLiveResource'

/**
 * Where the room marked, over the article text: the more participants marked a run of words,
 * the warmer it is. A click (or Enter) on a marked run lists who marked it and with which verdict.
 */
export function HeatmapPanel({
  heatmap,
  participants,
  scale,
}: {
  heatmap: LiveResource<Heatmap>
  participants: ParticipantProgress[]
  scale: VerdictScale
}) {
  const [open, setOpen] = useState<TextPiece | null>(null)
  const data = heatmap.data
  const names = new Map(participants.map((p) => [p.participantId, p.name]))
  const room = participants.length

  return (
    <section className="workshop-section heatmap" aria-labelledby="heatmap-heading" data-testid="heatmap">
      <header className="workshop-section__header">
        <h2 id="heatmap-heading" className="workshop-section__title">
          Heat map
        </h2>
        <HeatLegend room={room} />
      </header>
      {data === null ? (
        heatmap.error ? (
          <InlineState
            tone="error"
            title="The heat map could not be loaded"
            action={{ label: 'Try again', onClick: heatmap.refresh }}
          >
            {describeError(heatmap.error)}
          </InlineState>
        ) : (
          <InlineState tone="loading" title="Reading every copy…" />
        )
      ) : (
        <div className="heatmap__body">
          {data.counts.length === 0 && (
            <p className="workshop-section__lede" data-testid="heatmap-empty">
              Nobody has marked a claim yet. Words light up here as participants mark them.
            </p>
          )}
          <div className="heatmap__text" data-testid="heatmap-text">
            {piecesOf(data).map((piece) => {
              const text = data.text.slice(piece.start, piece.end)
              if (piece.n === 0) return <span key={piece.start}>{text}</span>
              const selected = open?.start === piece.start
              // A span, not a <button>: a button is a box, and a marked run must wrap with the text around it.
              return (
                <mark
                  key={piece.start}
                  role="button"
                  tabIndex={0}
                  className={`heatmap__run heatmap__run--${heatStep(piece.n, room)}${selected ? ' heatmap__run--selected' : ''}`}
                  onClick={() => setOpen(selected ? null : piece)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault()
                      setOpen(selected ? null : piece)
                    }
                  }}
                  aria-expanded={selected}
                  aria-label={`${text} — marked by ${piece.n} ${piece.n === 1 ? 'participant' : 'participants'}`}
                  data-testid="heat-run"
                  data-n={piece.n}
                >
                  {text}
                </mark>
              )
            })}
          </div>
          {open === null ? (
            data.counts.length > 0 && (
              <aside className="heatmap__who heatmap__who--hint" aria-label="Who marked these words">
                <p className="heatmap__who-count">
                  Click (or Tab to and press Enter on) a highlighted passage to see who marked it, and with which
                  verdict.
                </p>
              </aside>
            )
          ) : (
            <aside className="heatmap__who" aria-label="Who marked these words" data-testid="heatmap-who">
              <p className="heatmap__who-quote">“{data.text.slice(open.start, open.end)}”</p>
              <p className="heatmap__who-count">
                Marked by {open.n} of {room} {room === 1 ? 'participant' : 'participants'}
              </p>
              <ul className="heatmap__who-list">
                {[...new Map(marksOver(data, open).map((m) => [m.participantId, m])).values()].map((m) => (
                  <li key={m.participantId}>
                    <span className="heatmap__who-name">{names.get(m.participantId) ?? 'A participant'}</span>
                    <span className={`heatmap__verdict${m.verdict === null ? ' heatmap__verdict--none' : ''}`}>
                      {m.verdict === null ? 'no verdict yet' : verdictLabel(scale, m.verdict)}
                    </span>
                  </li>
                ))}
              </ul>
              <button type="button" className="button button--quiet button--small" onClick={() => setOpen(null)}>
                Close
              </button>
            </aside>
          )}
        </div>
      )}
    </section>
  )
}

function HeatLegend({ room }: { room: number }) {
  return (
    <div className="heat-legend" data-testid="heat-legend">
      <span className="heat-legend__label">Marked by</span>
      <span className="heat-legend__scale" aria-hidden="true">
        {Array.from({ length: HEAT_STEPS }, (_, i) => (
          <span key={i} className={`heat-legend__step heatmap__run--${i + 1}`} />
        ))}
      </span>
      <span className="heat-legend__label">few → {room > 0 ? `all ${room}` : 'everyone'}</span>
    </div>
  )
}
