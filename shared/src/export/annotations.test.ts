import { describe, expect, it } from 'vitest'
import type { AnchorResult } from '../schema/anchor.js'
import { relabelVerdicts } from '../schema/verdicts.js'
import { buildWebAnnotations, codePointOffset } from './annotations.js'
import { ARTICLE, CAPTIVES, DETACHED, KILLED, PLAIN_TEXT } from './test-fixtures.js'

describe('buildWebAnnotations', () => {
  const killedFrom = PLAIN_TEXT.indexOf(KILLED.quote)

  it('turns a claim into an Annotation with quote and position selectors', () => {
    const anchors = new Map<string, AnchorResult>([
      [KILLED.id, { status: 'anchored', from: killedFrom, to: killedFrom + KILLED.quote.length }],
    ])
    const [annotation] = buildWebAnnotations(ARTICLE, [KILLED], PLAIN_TEXT, { anchors })
    expect(annotation).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://factcheck.example/articles/art-1#claim-c-killed',
      type: 'Annotation',
      motivation: 'assessing',
      created: '2025-01-31T10:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'False', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'commenting', value: KILLED.rationale, format: 'text/plain' },
      ],
      target: {
        // The original page (the article's sourceUrl), where Hypothesis-style tools can replay it.
        source: ARTICLE.sourceUrl,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: KILLED.quote,
            prefix: 'The BLA alleged that ',
            suffix: '.\n\nIt also claimed to have taken',
          },
          { type: 'TextPositionSelector', start: 21, end: 64 },
        ],
      },
    })
    expect(PLAIN_TEXT.slice(21, 64)).toBe(KILLED.quote)
  })

  it('finds claims by quote when no anchors are given, and keeps detached ones as quotes only', () => {
    const anchors = new Map<string, AnchorResult>([[DETACHED.id, { status: 'detached' }]])
    const [captives] = buildWebAnnotations(ARTICLE, [CAPTIVES], PLAIN_TEXT, {
      scale: relabelVerdicts({ unproven: 'Unverified' }),
    })
    const start = PLAIN_TEXT.indexOf(CAPTIVES.quote)
    expect(captives!.target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + CAPTIVES.quote.length,
    })
    expect(captives!.body[0]!.value).toBe('Unverified')

    const [detached] = buildWebAnnotations(ARTICLE, [DETACHED], PLAIN_TEXT, { anchors })
    expect(detached!.motivation).toBe('questioning')
    expect(detached!.body).toEqual([])
    expect(detached!.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'seized 30 facilities', prefix: '', suffix: '' },
    ])
  })

  it('counts positions in code points, as the Web Annotation model requires', () => {
    const text = '😀 The army said 84 died.'
    const from = text.indexOf('84')
    const [annotation] = buildWebAnnotations(ARTICLE, [{ ...KILLED, quote: '84 died', prefix: '', suffix: '' }], text)
    expect(annotation!.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: from - 1, end: from + 6 })
    expect(codePointOffset('a😀b', 3)).toBe(2)
    expect(codePointOffset('a😀b', 4)).toBe(3)
  })
})
