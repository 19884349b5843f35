import type { VerdictScale } from '@fc/shared/schema/index'
import { describeError } from '../api/api'
import { InlineState } from '../ui/InlineState'
import { colorForId } from '../ui/identity'
import { Avatar } from '../live/Avatar'
import { useLiveEvent } from '../live/liveEvents'
import { useResource } from '../ui/useResource'
import { formatAlpha, percent, readAgreement, readAlphaBasis } from './agreement'
import { workshopsApi, type ParticipantResult, type WorkshopResults } from '../api/workshops'
import { LiveStatus } from './LiveStatus'
import { PerKeyClaimTable } from './PerKeyClaimTable'
import { ResultCharts } from './ResultCharts'
import { useLiveResource } from './useLiveResource'

/** The trainer's debrief: each participant's scores against the key, per key claim, charts, the CSV. */
export function ResultsPanel({
  workshopId,
  scale,
  keyVersion,
}: {
  workshopId: string
  scale: VerdictScale
  keyVersion: string
}) {
  // Participants may still be editing: the scores follow their copies, a live event at a time.
  const results = useLiveResource(() => workshopsApi.results(workshopId), `${workshopId}:${keyVersion}`, 500)
  useLiveEvent('workshop', (event) => event.workshopId === workshopId && results.refresh())
  const key = useResource(() => workshopsApi.key(workshopId), `${workshopId}:${keyVersion}`)

  return (
    <section
      className="workshop-section workshop-section--results"
      aria-labelledby="results-heading"
      data-testid="results"
    >
      <header className="workshop-section__header">
        <h2 id="results-heading" className="workshop-section__title">
          Results
        </h2>
        {results.data !== null && <LiveStatus live={results} />}
        {results.data !== null && (
          <a
            className="button button--quiet button--small"
            href={workshopsApi.resultsCsvUrl(workshopId)}
            download
            data-testid="results-csv"
          >
            Download CSV
          </a>
        )}
      </header>
      {results.data === null ? (
        results.error ? (
          <InlineState
            tone="error"
            title="The results could not be loaded"
            action={{ label: 'Try again', onClick: results.refresh }}
          >
            {describeError(results.error)}
          </InlineState>
        ) : (
          <InlineState tone="loading" title="Scoring every copy against the key…" />
        )
      ) : (
        <ResultsBody results={results.data} scale={scale} keyClaims={key.status === 'ready' ? key.data : []} />
      )}
    </section>
  )
}

function ResultsBody({
  results,
  scale,
  keyClaims,
}: {
  results: WorkshopResults
  scale: VerdictScale
  keyClaims: Awaited<ReturnType<typeof workshopsApi.key>>
}) {
  const rows = results.participants
  return (
    <>
      <AgreementCard
        alpha={results.krippendorffAlpha}
        units={results.alphaUnits}
        keyClaims={results.keyClaims}
        participants={rows.length}
      />
      <ResultCharts results={results} scale={scale} />
      {rows.length === 0 ? (
        <p className="workshop-section__lede">Nobody joined this workshop, so there are no scores to show.</p>
      ) : (
        <div className="data-table__wrap workshop-table__wrap">
          <table className="data-table workshop-table" data-testid="results-table">
            <caption className="visually-hidden">
              Scores of each participant against the answer key of {results.keyClaims} claims
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="workshop-table__num">
                  Claims marked
                </th>
                <th scope="col" className="workshop-table__num" title="Share of their claims that are in the key">
                  Precision
                </th>
                <th scope="col" className="workshop-table__num" title="Share of the key's claims they found">
                  Recall
                </th>
                <th scope="col" className="workshop-table__num" title="Precision and recall in one number">
                  F1
                </th>
                <th
                  scope="col"
                  className="workshop-table__num"
                  title="Of the key claims they found, the share with the key's verdict"
                >
                  Verdict accuracy
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <ResultRow key={row.participantId} row={row} />
              ))}
            </tbody>
            {rows.length > 1 && (
              <tfoot>
                <GroupAverage rows={rows} />
              </tfoot>
            )}
          </table>
        </div>
      )}
      <MetricsLegend keyClaims={results.keyClaims} />
      {rows.length > 0 && (
        <>
          <h3 className="workshop-section__subtitle">Per key claim</h3>
          <PerKeyClaimTable results={results} keyClaims={keyClaims} scale={scale} />
        </>
      )}
    </>
  )
}

function ResultRow({ row }: { row: ParticipantResult }) {
  return (
    <tr data-testid="result-row" data-participant-id={row.participantId}>
      <th scope="row">
        <span className="workshop-table__name">
          <Avatar name={row.name} color={colorForId(row.participantId)} size="small" decorative />
          {row.name}
        </span>
      </th>
      <td className="workshop-table__num" data-label="Claims marked">
        {row.claims}
      </td>
      <td className="workshop-table__num" data-label="Precision" data-testid="result-precision">
        <Score value={row.precision} />
      </td>
      <td className="workshop-table__num" data-label="Recall" data-testid="result-recall">
        <Score value={row.recall} />
      </td>
      <td className="workshop-table__num" data-label="F1" data-testid="result-f1">
        <Score value={row.f1} />
      </td>
      <td className="workshop-table__num" data-label="Verdict accuracy" data-testid="result-verdict-accuracy">
        {row.verdictAccuracy === null ? (
          <span className="workshop-table__muted" title="They found no key claim, so no verdict could be compared">
            —<span className="visually-hidden">no key claim found</span>
          </span>
        ) : (
          <Score value={row.verdictAccuracy} />
        )}
      </td>
    </tr>
  )
}

function GroupAverage({ rows }: { rows: ParticipantResult[] }) {
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length)
  const accuracies = rows.flatMap((r) => (r.verdictAccuracy === null ? [] : [r.verdictAccuracy]))
  return (
    <tr className="workshop-table__average" data-testid="results-average">
      <th scope="row">Group average</th>
      <td className="workshop-table__num" data-label="Claims marked">
        {(rows.reduce((a, r) => a + r.claims, 0) / rows.length).toFixed(1)}
      </td>
      <td className="workshop-table__num" data-label="Precision">
        {percent(mean(rows.map((r) => r.precision)))}
      </td>
      <td className="workshop-table__num" data-label="Recall">
        {percent(mean(rows.map((r) => r.recall)))}
      </td>
      <td className="workshop-table__num" data-label="F1">
        {percent(mean(rows.map((r) => r.f1)))}
      </td>
      <td
        className="workshop-table__num"
        data-label="Verdict accuracy"
        title="Over the participants who found at least one key claim"
      >
        {percent(mean(accuracies))}
      </td>
    </tr>
  )
}

/** A percentage with a thin bar under it: scannable down a column. */
export function Score({ value }: { value: number }) {
  const clamped = Math.max(0, Math.min(1, value))
  return (
    <span className="score">
      <span className="score__value">{percent(value)}</span>
      <span className="score__bar" aria-hidden="true">
        <span className="score__fill" style={{ width: `${clamped * 100}%` }} />
      </span>
    </span>
  )
}

export function AgreementCard({
  alpha,
  units,
  keyClaims,
  participants,
}: {
  alpha: number | null
  units: number
  keyClaims: number
  participants: number
}) {
  const basis = readAlphaBasis(alpha, units)
  const reading = basis.tooFew
    ? { ...readAgreement(null), label: basis.label, detail: basis.detail }
    : readAgreement(alpha)
  return (
    <div className={`agreement agreement--${reading.tone}`} data-testid="agreement">
      <div className="agreement__figure">
        <span className="agreement__value" data-testid="agreement-alpha">
          {alpha === null ? '—' : formatAlpha(alpha)}
        </span>
        <span className="agreement__symbol">Krippendorff&apos;s α</span>
      </div>
      <div className="agreement__text">
        <p className="agreement__eyebrow">Group agreement</p>
        <p className="agreement__label" data-testid="agreement-label">
          {reading.label}
        </p>
        <p className="agreement__detail">{reading.detail}</p>
        <p className="agreement__units" data-testid="agreement-units">
          {basis.units}
        </p>
        <p className="agreement__scope">
          Over the verdicts {participants === 1 ? 'the participant' : `${participants} participants`} gave on the{' '}
          {keyClaims} key {keyClaims === 1 ? 'claim' : 'claims'}. 1 means everyone agrees, 0 no better than chance.
        </p>
      </div>
    </div>
  )
}

function MetricsLegend({ keyClaims }: { keyClaims: number }) {
  return (
    <dl className="metrics-legend">
      <div>
        <dt>Precision</dt>
        <dd>of the claims someone marked, the share that are in the key.</dd>
      </div>
      <div>
        <dt>Recall</dt>
        <dd>
          of the {keyClaims} key {keyClaims === 1 ? 'claim' : 'claims'}, the share they found.
        </dd>
      </div>
      <div>
        <dt>F1</dt>
        <dd>precision and recall in one number (their harmonic mean).</dd>
      </div>
      <div>
        <dt>Verdict accuracy</dt>
        <dd>of the key claims they found, the share with the key&apos;s verdict.</dd>
      </div>
    </dl>
  )
}
