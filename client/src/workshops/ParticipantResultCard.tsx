import { findVerdict, type VerdictScale } from '@fc/shared/schema/index'
import { describeError } from '../api/api'
import { formatAlpha, percent, readAgreement, readAlphaBasis } from './agreement'
import { workshopsApi, type KeyClaim, type ParticipantResult } from '../api/workshops'
import { useLiveResource } from './useLiveResource'

/** After the reveal: the participant's own score, in words, the key beside their claims, and how far the group agreed. */
export function ParticipantResultCard({
  workshopId,
  participantId,
  scale,
}: {
  workshopId: string
  participantId: string
  scale: VerdictScale
}) {
  // The copy is locked at the reveal: the score is final, read once (again after a reconnect).
  const results = useLiveResource(() => workshopsApi.results(workshopId, { guest: true }), workshopId)
  const data = results.data
  const mine = data?.participants.find((p) => p.participantId === participantId) ?? data?.participants[0]

  return (
    <section className="participant-result" aria-labelledby="my-result-heading" data-testid="my-result">
      <h2 id="my-result-heading" className="participant-result__title">
        Your result
      </h2>
      {data === null || mine === undefined ? (
        results.error ? (
          <p className="participant-result__note" role="alert">
            Your trainer has revealed the results, but yours could not be loaded: {describeError(results.error)}{' '}
            <button type="button" className="link-button" onClick={results.refresh}>
              Try again
            </button>
          </p>
        ) : (
          <p className="participant-result__note" role="status">
            Your trainer has revealed the results. Scoring your copy…
          </p>
        )
      ) : (
        <>
          <ResultFigures row={mine} keyClaims={data.keyClaims} alpha={data.krippendorffAlpha} units={data.alphaUnits} />
          {data.key && <KeyDebrief row={mine} answerKey={data.key} scale={scale} />}
        </>
      )}
    </section>
  )
}

function ResultFigures({
  row,
  keyClaims,
  alpha,
  units,
}: {
  row: ParticipantResult
  keyClaims: number
  alpha: number | null
  units: number
}) {
  // The rates are of whole claims: turn them back into counts people can check on their copy.
  const found = Math.round(row.recall * keyClaims)
  const rightVerdicts = row.verdictAccuracy === null ? 0 : Math.round(row.verdictAccuracy * found)
  const basis = readAlphaBasis(alpha, units)
  const agreement = basis.tooFew ? { label: basis.label, detail: basis.detail } : readAgreement(alpha)
  return (
    <>
      <dl className="participant-result__figures">
        <div className="participant-result__figure" data-testid="my-recall">
          <dt>Key claims found</dt>
          <dd>
            <span className="participant-result__big">
              {found} of {keyClaims}
            </span>
            <span className="participant-result__rate">recall {percent(row.recall)}</span>
          </dd>
        </div>
        <div className="participant-result__figure" data-testid="my-precision">
          <dt>Your claims in the key</dt>
          <dd>
            <span className="participant-result__big">
              {found} of {row.claims}
            </span>
            <span className="participant-result__rate">precision {percent(row.precision)}</span>
          </dd>
        </div>
        <div className="participant-result__figure" data-testid="my-verdicts">
          <dt>Verdicts that match the key</dt>
          <dd>
            <span className="participant-result__big">
              {row.verdictAccuracy === null ? '—' : `${rightVerdicts} of ${found}`}
            </span>
            <span className="participant-result__rate">
              {row.verdictAccuracy === null ? 'no key claim found' : `accuracy ${percent(row.verdictAccuracy)}`}
            </span>
          </dd>
        </div>
        <div className="participant-result__figure" data-testid="my-f1">
          <dt>Overall (F1)</dt>
          <dd>
            <span className="participant-result__big">{percent(row.f1)}</span>
            <span className="participant-result__rate">precision and recall together</span>
          </dd>
        </div>
      </dl>
      <p className="participant-result__group" data-testid="my-group-agreement">
        <strong>The group: {agreement.label.toLocaleLowerCase()}</strong>
        {alpha !== null && <> (Krippendorff&apos;s α {formatAlpha(alpha)})</>}. {agreement.detail} {basis.units}
      </p>
    </>
  )
}

/** The answer key beside the participant's own claims: what they found (verdict right or wrong), missed, and marked beyond it. */
function KeyDebrief({ row, answerKey, scale }: { row: ParticipantResult; answerKey: KeyClaim[]; scale: VerdictScale }) {
  const byKey = new Map(row.matches.map((m) => [m.keyIndex, m]))
  return (
    <div className="key-debrief" data-testid="key-debrief">
      <h3 className="key-debrief__title">The answer key</h3>
      <ol className="key-debrief__list">
        {answerKey.map((claim, i) => {
          const match = byKey.get(i)
          const state = match === undefined ? 'missed' : match.verdictCorrect ? 'right' : 'wrong'
          return (
            <li
              key={i}
              className={`key-debrief__item key-debrief__item--${state}`}
              data-testid="key-debrief-item"
              data-state={state}
            >
              <span className={`key-debrief__badge key-debrief__badge--${state}`}>
                {state === 'missed'
                  ? 'Missed'
                  : state === 'right'
                    ? 'Found · verdict right'
                    : 'Found · verdict differs'}
              </span>
              <p className="key-debrief__quote">“{claim.quote}”</p>
              <p className="key-debrief__verdict">
                Key verdict: <strong>{findVerdict(scale, claim.verdict).label}</strong>
              </p>
              {match !== undefined && match.claimQuote !== claim.quote && (
                <p className="key-debrief__yours">You marked: “{match.claimQuote}”</p>
              )}
              {claim.rationale && <p className="key-debrief__rationale">{claim.rationale}</p>}
            </li>
          )
        })}
      </ol>
      <h3 className="key-debrief__title">Your claims not in the key</h3>
      {row.extra.length === 0 ? (
        <p className="participant-result__note" data-testid="key-debrief-no-extra">
          None: every claim you marked is in the key.
        </p>
      ) : (
        <ul className="key-debrief__extra" data-testid="key-debrief-extra">
          {row.extra.map((quote, i) => (
            <li key={i}>“{quote}”</li>
          ))}
        </ul>
      )}
    </div>
  )
}
