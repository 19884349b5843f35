import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { VERDICT_IDS } from '../schema/verdicts.js'
import { DEMO_ANSWER_KEY } from './demo-key.js'

describe('the demo answer key', () => {
  it('quotes the seed article word for word, with verdicts of the scale', () => {
    const seed = readFileSync(new URL('../../fixtures/seed-article.txt', import.meta.url), 'utf8')
    for (const claim of DEMO_ANSWER_KEY) {
      expect(seed).toContain(claim.quote)
      expect(VERDICT_IDS).toContain(claim.verdict)
    }
  })
})
