import { describe, expect, it } from 'vitest'
import { ClaimIndex, type IndexedClaim } from './claim-index.js'
import { normaliseTokens, stem } from './normalise.js'

const claim = (articleId: string, claimId: string, quote: string, verdict?: string): IndexedClaim => ({
  articleId,
  articleTitle: `Article ${articleId}`,
  claimId,
  quote,
  ...(verdict ? { verdict } : {}),
})

describe('normaliseTokens', () => {
  it('writes numbers as digits however they were written', () => {
    expect(normaliseTokens('eighty-four soldiers')).toEqual(normaliseTokens('84 soldiers'))
    expect(normaliseTokens('one thousand two hundred and five people')).toEqual(normaliseTokens('1,205 people'))
    expect(normaliseTokens('3.5 million voters')).toEqual(['3500000', stem('voters')])
    expect(normaliseTokens('40% of roads')).toEqual(normaliseTokens('forty per cent of roads'))
  })

  it('drops common words and meets plurals and tenses', () => {
    expect(normaliseTokens('The soldiers were killed')).toEqual(normaliseTokens('soldier kills'))
  })
})

describe('ClaimIndex', () => {
  const index = new ClaimIndex()
  index.setArticle('a1', [
    claim('a1', 'c1', '84 Pakistani security personnel were killed', 'unproven'),
    claim('a1', 'c2', 'Inflation fell to 4.2 percent'),
  ])
  index.setArticle('a2', [
    claim('a2', 'c3', 'The BLA said eighty-four members of the security forces had been killed'),
    claim('a2', 'c4', 'The bridge cost $4bn'),
  ])
  index.setArticle('a3', [claim('a3', 'c5', 'Annual inflation dropped to 4.2%, the statistics office said')])

  it('finds the same claim reworded, numbers written out, in other articles only, best first', () => {
    const found = index.similar('Eighty-four security personnel were killed, the group claimed', 'a9')
    expect(found[0]).toMatchObject({ articleId: 'a1', claimId: 'c1', verdict: 'unproven', articleTitle: 'Article a1' })
    expect(found.map((f) => f.claimId)).toContain('c3')
    expect(found.map((f) => f.claimId)).not.toContain('c4')
    for (let i = 1; i < found.length; i++) expect(found[i]!.score).toBeLessThanOrEqual(found[i - 1]!.score)
    expect(index.similar('84 Pakistani security personnel were killed', 'a1').map((f) => f.articleId)).not.toContain(
      'a1',
    )
  })

  it('keeps current as an article’s claims are replaced or removed', () => {
    expect(index.similar('inflation fell to 4.2 percent', 'a1').map((f) => f.claimId)).toEqual(['c5'])
    index.setArticle('a3', [claim('a3', 'c6', 'A new stadium opened in May')])
    expect(index.similar('inflation fell to 4.2 percent', 'a1')).toEqual([])
    index.removeArticle('a2')
    expect(index.similar('eighty-four killed', 'a1').map((f) => f.claimId)).toEqual([])
    expect(index.size).toBe(3)
  })

  it('answers at most the limit', () => {
    const many = new ClaimIndex()
    many.setArticle(
      'x',
      Array.from({ length: 30 }, (_, i) => claim('x', `k${i}`, `Unemployment fell to ${i} percent`)),
    )
    expect(many.similar('unemployment fell', 'y')).toHaveLength(10)
  })
})
