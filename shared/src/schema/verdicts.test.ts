import { describe, expect, it } from 'vitest'
import {
  DEFAULT_VERDICT_SCALE,
  VERDICT_IDS,
  findVerdict,
  isVerdictId,
  relabelVerdicts,
  verdictLabel,
} from './verdicts.js'

describe('verdicts', () => {
  it('place the five truth verdicts on a 5→1 scale and leave the others off it', () => {
    expect(DEFAULT_VERDICT_SCALE.map((v) => [v.id, v.ratingValue])).toEqual([
      ['true', 5],
      ['mostly-true', 4],
      ['mixed', 3],
      ['mostly-false', 2],
      ['false', 1],
      ['misleading', null],
      ['unproven', null],
    ])
    expect(DEFAULT_VERDICT_SCALE.map((v) => v.id)).toEqual([...VERDICT_IDS])
  })

  it('can be relabelled per workspace while ids and positions stay', () => {
    const scale = relabelVerdicts({ false: 'Pants on fire', mixed: '  ' })
    expect(verdictLabel(scale, 'false')).toBe('Pants on fire')
    expect(findVerdict(scale, 'false').ratingValue).toBe(1)
    expect(verdictLabel(scale, 'mixed')).toBe('Mixed')
    expect(verdictLabel([], 'unproven')).toBe('Unproven')
  })

  it('recognise only the defined ids', () => {
    expect(isVerdictId('mostly-true')).toBe(true)
    expect(isVerdictId('Mostly true')).toBe(false)
    expect(isVerdictId(undefined)).toBe(false)
  })
})
