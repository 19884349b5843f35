import { describe, expect, it } from 'vitest'
import { foldText, matchesSearch, searchableText, searchWords } from './claimSearch'

const names = new Map([
  ['u1', 'Zoë Ødegaard'],
  ['u2', 'Hana Lindqvist'],
])
const nameOf = (id: string) => names.get(id)

const claim = {
  quote: 'More than 80 members of Pakistani security forces were killed',
  rationale: 'L’État n’a confirmé que 12 morts; the ISPR figure differs.',
  claimant: 'Baloch Liberation Army',
  assignee: 'u1',
}

function matches(query: string, c: Parameters<typeof searchableText>[0] = claim): boolean {
  return matchesSearch(searchableText(c, nameOf), searchWords(query))
}

describe('claim search', () => {
  it('folds case, accents and runs of spaces', () => {
    expect(foldText('  Élan  VITAL\tCafé ')).toBe(' elan vital cafe ')
    expect(foldText('Œuvre STRAẞE Łódź')).toBe('oeuvre strasse lodz')
    expect(searchWords('  Élan  VITAL ')).toEqual(['elan', 'vital'])
    expect(searchWords('   ')).toEqual([])
  })

  it('matches every claim for a blank query', () => {
    expect(matches('')).toBe(true)
    expect(matches('   ')).toBe(true)
  })

  it('looks in the quote, rationale, claimant and assignee name', () => {
    expect(matches('pakistani')).toBe(true)
    expect(matches('ISPR')).toBe(true)
    expect(matches('liberation army')).toBe(true)
    expect(matches('zoe')).toBe(true)
    expect(matches('odegaard')).toBe(true) // ø has no combining mark to drop: folded by hand
    expect(matches('Ødegaard')).toBe(true)
  })

  it('needs every word, in any order, anywhere', () => {
    expect(matches('killed baloch')).toBe(true)
    expect(matches('forces ZOË')).toBe(true)
    expect(matches('killed hana')).toBe(false)
  })

  it('is case- and accent-insensitive both ways', () => {
    expect(matches('etat')).toBe(true)
    expect(matches('ÉTAT CONFIRMÉ')).toBe(true)
    expect(matches('MORTS')).toBe(true)
    expect(matches('security', { ...claim, quote: 'SÉCURITY' })).toBe(true)
  })

  it('copes with claims missing the optional fields, and an unknown assignee', () => {
    const bare = { quote: 'Only a quote', rationale: undefined, claimant: undefined, assignee: 'gone' }
    expect(matches('quote', bare)).toBe(true)
    expect(matches('gone', bare)).toBe(false)
    expect(matches('undefined', bare)).toBe(false)
  })

  it('does not match across fields as one word', () => {
    // Quote ends "killed", rationale starts "L’État": no word "killedl".
    expect(matches('killedl')).toBe(false)
  })
})
