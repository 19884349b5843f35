import { describeError } from '../api/api'
import { formatAlpha, percent, readAgreement } from './agreement'
import { workshopsApi, type ParticipantResult } from '../api/workshops'
import { usePolling } from './usePolling'

/** The copy is locked at the reveal, so the score only moves if a trainer edits the copy: poll unhurried. */
const RESULT_POLL_MS = 10_000

/** After the reveal: the participant's own score, in words, and how far the group agreed. */
export function ParticipantResultCard({ workshopId, participantId }: { workshopId: string; participantId: string }) {
  const results = usePolling(() => workshopsApi.results(workshopId, { guest: true }), workshopId, RESULT_POLL_MS)
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
        <ResultFigures row={mine} keyClaims={data.keyClaims} alpha={data.krippendorffAlpha} />
      )}
    </section>
  )
}

function ResultFigures({ row, keyClaims, alpha }: { row: ParticipantResult; keyClaims: number; alpha: number | null }) {
  // The rates are of whole claims: turn them back into counts people can check on their copy.
  const found = Math.round(row.recall * keyClaims)
  const rightVerdicts = row.verdictAccuracy === null ? 0 : Math.round(row.verdictAccuracy * found)
  const agreement = readAgreement(alpha)
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
            <span className="participant-result__big">{row.verdictAccuracy === null ? '—' : `${rightVerdicts} of ${found}`}</span>
            <span className="participant-result__rate">{row.verdictAccuracy === null ? 'no key claim found' : `accuracy ${percent(row.verdictAccuracy)}`}</span>
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
        {alpha !== null && <> (Krippendorff&apos;s α {formatAlpha(alpha)})</>}. {agreement.detail}
      </p>
      <p className="participant-result__note">Your trainer goes through the answer key with you; it is not shown here.</p>
    </>
  )
}
