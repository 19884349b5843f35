import { describe, expect, it } from 'vitest'
import { readArticleReview } from '../../api/review'
import { correctionNoteError, publicUrlError, publishStep } from './publishForm'

describe('publish form', () => {
  it('asks the URL the first time and a note when publishing again', () => {
    expect(publishStep(readArticleReview({ factCheckPublishedAt: null }))).toEqual({ kind: 'first' })
    expect(
      publishStep(readArticleReview({ factCheckPublishedAt: '2026-12-02T10:00:00Z', updatedAfterPublish: true })),
    ).toEqual({ kind: 'again', changed: true })
    expect(publishStep(readArticleReview({ factCheckPublishedAt: '2026-12-02T10:00:00Z' }))).toEqual({
      kind: 'again',
      changed: false,
    })
  })

  it('takes http(s) addresses up to the limit only', () => {
    expect(publicUrlError('https://news.example/fact-check/1')).toBeNull()
    expect(publicUrlError('  http://news.example/x  ')).toBeNull()
    expect(publicUrlError('')).toMatch(/Enter the address/)
    expect(publicUrlError('javascript:alert(1)')).toMatch(/http/)
    expect(publicUrlError('news.example/x')).toMatch(/not a web address/)
    expect(publicUrlError(`https://news.example/${'a'.repeat(2048)}`)).toMatch(/too long/)
  })

  it('needs a correction note only after changes', () => {
    expect(correctionNoteError('', true)).toMatch(/Say what changed/)
    expect(correctionNoteError('  ', true)).toMatch(/Say what changed/)
    expect(correctionNoteError('', false)).toBeNull()
    expect(correctionNoteError('Fixed the figure.', true)).toBeNull()
    expect(correctionNoteError('x'.repeat(5001), false)).toMatch(/too long/)
  })
})
