import { findVerdict, VERDICT_IDS, type VerdictId, type VerdictScale } from '@fc/shared/schema/index'
import type { KeyClaim, WorkshopResults } from '../api/workshops'

/** Per key claim: who found it, and how the verdicts of those who did split against the key's. */
export function PerKeyClaimTable({
  results,
  keyClaims,
  scale,
}: {
  results: WorkshopResults
  keyClaims: KeyClaim[]
  scale: VerdictScale
}) {
  const names = new Map(results.participants.map((p) => [p.participantId, p.name]))
  const room = results.participants.length
  const perKey = results.perKeyClaim ?? []
  return (
    <ol className="key-claims" data-testid="per-key-claim">
      {perKey.map((k) => {
        const expected = keyClaims[k.keyIndex]?.verdict
        const split = VERDICT_IDS.filter((v) => (k.verdicts[v] ?? 0) > 0)
        return (
          <li key={k.keyIndex} className="key-claims__item" data-testid="key-claim-row">
            <p className="key-claims__quote">
              <span className="key-claims__index">#{k.keyIndex + 1}</span> “{k.quote}”
              {expected && <span className="key-claims__expected"> key: {findVerdict(scale, expected).label}</span>}
            </p>
            <p className="key-claims__found" data-testid="key-claim-found">
              Found by {k.foundBy.length} of {room}
              {k.foundBy.length > 0 && <>: {k.foundBy.map((id) => names.get(id) ?? 'a participant').join(', ')}</>}
            </p>
            {split.length > 0 ? (
              <ul className="key-claims__split" aria-label="Verdicts given">
                {split.map((v: VerdictId) => (
                  <li key={v} className={`verdict-count${v === expected ? ' verdict-count--right' : ''}`}>
                    {findVerdict(scale, v).label} <strong>{k.verdicts[v]}</strong>
                    {v === expected && <span className="visually-hidden"> (the key’s verdict)</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="key-claims__none">{k.foundBy.length > 0 ? 'No verdicts given yet.' : 'Nobody found it.'}</p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
