// How the results read on screen: scores as percentages, and the group's Krippendorff's
// alpha in words a room of trainees understands.

export interface AgreementReading {
  /** "Moderate agreement" */
  label: string
  /** One sentence on what it means for the debrief. */
  detail: string
  /** For colour: how comfortable the number is. */
  tone: 'none' | 'low' | 'medium' | 'high'
}

/**
 * Bands after Landis & Koch (1977), the usual plain-language reading of chance-corrected
 * agreement; Krippendorff himself asks for α ≥ 0.8 before relying on a coding, and
 * accepts 0.667 for tentative conclusions, which the top bands reflect.
 */
export function readAgreement(alpha: number | null): AgreementReading {
  if (alpha === null || !Number.isFinite(alpha)) {
    return {
      label: 'Not measurable yet',
      detail:
        'Agreement needs at least two participants giving verdicts on the same key claims, with some variety among them. It appears once more people have found the key claims and judged them.',
      tone: 'none',
    }
  }
  // Two decimals are what people see: −0.004 and 0.004 both read as 0.00, "no better than chance".
  if (alpha < -0.005) {
    return {
      label: 'Less agreement than chance',
      detail:
        'The group disagrees more than random verdicts would: a sign the claims or the verdict scale were read in different ways. Worth a discussion.',
      tone: 'low',
    }
  }
  if (alpha < 0.005) {
    return {
      label: 'No agreement beyond chance',
      detail:
        'The verdicts agree no more often than random ones would: the claims were judged in different ways. Worth a discussion.',
      tone: 'low',
    }
  }
  if (alpha <= 0.2) {
    return {
      label: 'Slight agreement',
      detail: 'The verdicts barely agree beyond chance: each person judged the claims their own way.',
      tone: 'low',
    }
  }
  if (alpha <= 0.4) {
    return {
      label: 'Fair agreement',
      detail: 'Some shared judgement, but many claims got different verdicts from different people.',
      tone: 'low',
    }
  }
  if (alpha <= 0.6) {
    return {
      label: 'Moderate agreement',
      detail: 'More agreement than chance, with real disagreements worth going through together.',
      tone: 'medium',
    }
  }
  if (alpha < 0.8) {
    return {
      label: 'Substantial agreement',
      detail: 'Most verdicts agree; a few claims split the group.',
      tone: 'medium',
    }
  }
  if (alpha < 1) {
    return {
      label: 'Strong agreement',
      detail: 'The group judges these claims alike: reliable enough to rely on.',
      tone: 'high',
    }
  }
  return {
    label: 'Perfect agreement',
    detail: 'Everyone gave the same verdict to every key claim they found.',
    tone: 'high',
  }
}

/** Below this many key claims with two or more verdicts, alpha says little about the group. */
export const MIN_ALPHA_UNITS = 5

/**
 * What alpha rests on, in words: how many key claims at least two participants judged. With
 * fewer than MIN_ALPHA_UNITS, a single split decides it (two units give 0.00 as easily as 1.00),
 * so the number is shown but not read as agreement.
 */
export function readAlphaBasis(
  alpha: number | null,
  units: number,
): { units: string; tooFew: boolean; label: string; detail: string } {
  const unitsText = `Rests on ${units} key ${units === 1 ? 'claim' : 'claims'} judged by at least two participants.`
  const tooFew = alpha !== null && units < MIN_ALPHA_UNITS
  return {
    units: unitsText,
    tooFew,
    label: 'Too few claims to mean anything',
    detail: `With ${units} ${units === 1 ? 'claim' : 'claims'} to compare, one differing verdict swings the number from top to bottom. Read it once at least ${MIN_ALPHA_UNITS} key claims have been judged by two or more people; until then go through the claims one by one.`,
  }
}

/** 0.6667 → "67%"; null → "—". */
export function percent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—'
  return `${Math.round(value * 100)}%`
}

/** Alpha to two decimals, with a real minus sign. */
export function formatAlpha(alpha: number): string {
  const fixed = alpha.toFixed(2)
  return fixed.startsWith('-') ? `−${fixed.slice(1)}` : fixed
}
