import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import * as shared from './index.js'

describe('public API', () => {
  it('covers a bot’s round trip through the package entry point alone', () => {
    const doc = new Y.Doc()
    shared.writePlainTextBody(doc, 'Officials said 12 people died.\nThe group said 84 soldiers were killed on Monday.')
    const text = shared.getBodyText(doc)
    const [suggestion] = shared.suggestCheckworthy(text).filter((s) => s.quote.includes('84'))
    const id = shared.markClaimAtText(doc, suggestion!.start, suggestion!.end, { createdBy: 'bot' })
    shared.setVerdict(doc, id, 'false', 'Ministry figures disagree.')
    const claims = shared.readClaims(doc)
    const anchors = shared.anchorClaims(doc, claims)
    const article = { id: 'a', title: 'T', url: 'https://app.example/a/1' }
    expect(
      shared.buildClaimReviews(article, claims, shared.DEFAULT_VERDICT_SCALE, { organization: { name: 'Org' } }),
    ).toHaveLength(1)
    expect(shared.buildReportMarkdown(article, claims, shared.DEFAULT_VERDICT_SCALE, { anchors })).toContain(
      '## Claim 1: False',
    )
    const [annotation] = shared.buildWebAnnotations(article, claims, text, { anchors })
    expect(annotation!.target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: suggestion!.start,
      end: suggestion!.end,
    })
  })

  it('has no DOM globals to lean on in Node', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
  })
})
