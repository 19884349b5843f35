import { useEffect, useState } from 'react'
import { setClaimField, type Claim } from '@fc/shared/schema/index'
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

  // Someone else changed it while this field was not being typed in: show theirs.
  useEffect(() => {
    if (!focused) setValue(stored)
  }, [stored, focused])

  const save = () => {
    const next = value.trim().slice(0, LIMITS.claimantMax)
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
    </div>
  )
}
