import { useEffect, useMemo, useState } from 'react'
import { getBodyText, setClaimField, type Claim } from '@fc/shared/schema/index'
import { suggestClaimant } from '@fc/shared/suggest/index'
import { LIMITS } from '@fc/shared/validation/limits'
import { useClaimsEnv } from '../context'

/**
 * Who made the claim (ClaimReview's `itemReviewed.author`). Typed locally and written to the
 * document when the field is left or Enter is pressed, so collaborators do not see every
 * keystroke and an empty field removes it.
 */
export function ClaimantField({ claim, idPrefix }: { claim: Claim; idPrefix: string }) {
  const { controller, canWrite } = useClaimsEnv()
  const stored = claim.claimant ?? ''
  const [value, setValue] = useState(stored)
  const [focused, setFocused] = useState(false)
  const id = `${idPrefix}-claimant`
  // Who the sentence names as the source ("the BLA alleged that…"), offered while none is set.
  const suggestion = useMemo(() => {
    if (stored !== '' || !canWrite) return null
    const text = getBodyText(controller.ydoc)
    const at = text.indexOf(claim.prefix + claim.quote)
    const from = at >= 0 ? at + claim.prefix.length : text.indexOf(claim.quote)
    return from < 0 ? null : suggestClaimant(text, from, from + claim.quote.length)
  }, [stored, canWrite, controller, claim.prefix, claim.quote])

  // Someone else changed it while this field was not being typed in: show theirs.
  useEffect(() => {
    if (!focused) setValue(stored)
  }, [stored, focused])

  const save = (typed: string = value) => {
    const next = typed.trim().slice(0, LIMITS.claimantMax)
    if (next === stored) return
    setClaimField(controller.ydoc, claim.id, 'claimant', next === '' ? undefined : next)
  }

  if (!canWrite) {
    return stored === '' ? null : (
      <div className="claim-detail__row">
        <span className="cl-label">Claimant</span>
        <span className="claimant__value" data-testid="claimant-value">
          {stored}
        </span>
      </div>
    )
  }

  return (
    <div className="claim-detail__row">
      <label className="cl-label" htmlFor={id}>
        Claimant
      </label>
      <input
        id={id}
        className="text-input claimant__input"
        value={value}
        maxLength={LIMITS.claimantMax}
        placeholder="Who made this claim?"
        onFocus={() => setFocused(true)}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => {
          setFocused(false)
          save()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            save()
          }
          if (e.key === 'Escape') setValue(stored)
        }}
        data-testid="claimant-input"
      />
      {suggestion !== null && value.trim() === '' && (
        <p className="claimant__suggestion">
          The sentence names{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setValue(suggestion)
              save(suggestion)
            }}
            data-testid="claimant-suggestion"
          >
            {suggestion}
          </button>
        </p>
      )}
    </div>
  )
}
