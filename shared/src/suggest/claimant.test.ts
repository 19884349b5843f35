import { describe, expect, it } from 'vitest'
import { claimantInSentence, suggestClaimant } from './claimant.js'

describe('claimant from the attribution', () => {
  it('finds the name before the verb, past "has" and a short form', () => {
    expect(
      claimantInSentence(
        'The Baloch Liberation Army (BLA) has claimed responsibility for a sweeping series of attacks.',
      ),
    ).toBe('Baloch Liberation Army')
    expect(
      claimantInSentence('In its statement, the BLA alleged that 84 Pakistani security personnel were killed.'),
    ).toBe('BLA')
    expect(claimantInSentence('The Inter-Services Public Relations said 18 soldiers died.')).toBe(
      'Inter-Services Public Relations',
    )
    expect(claimantInSentence('Ministry of Interior spokesman Talal Chaudhry told reporters the toll was 31.')).toBe(
      'Talal Chaudhry',
    )
  })

  it('reads "according to"', () => {
    expect(claimantInSentence('According to the ISPR, 31 civilians and 17 soldiers were killed.')).toBe('ISPR')
  })

  it('names nobody when the sentence names nobody', () => {
    expect(claimantInSentence('The group said seven of its fighters were killed.')).toBeNull()
    expect(claimantInSentence('It also claimed to have taken 18 personnel captive.')).toBeNull()
    expect(claimantInSentence('According to the militant group, the operation unfolded over ten hours.')).toBeNull()
    expect(claimantInSentence('Eighty-four personnel were killed.')).toBeNull()
  })

  it('looks in the sentence the claim is in', () => {
    const text = 'The BLA said its fighters hit police stations. The ISPR stated that 18 soldiers died in the attacks.'
    const from = text.indexOf('18 soldiers')
    expect(suggestClaimant(text, from, from + '18 soldiers died'.length)).toBe('ISPR')
    expect(suggestClaimant(text, 4, 7)).toBe('BLA')
  })
})
