import { describe, expect, it } from 'vitest'
import { SUGGESTION_REASONS } from '@fc/shared/suggest/index'
import { explanationLine, REASONS, shortQuote } from './format'

describe('shortQuote', () => {
  it('leaves a quote that fits alone', () => {
    expect(shortQuote('It also claimed to have taken 18 personnel captive.', 80)).toBe(
      'It also claimed to have taken 18 personnel captive.',
    )
  })

  it('cuts a long quote at a word boundary, with an ellipsis', () => {
    const quote = 'The group further stated that it seized or destroyed more than 30 government-linked facilities.'
    const short = shortQuote(quote, 40)
    expect(short).toBe('The group further stated that it seized…')
    expect(short.length).toBeLessThanOrEqual(41)
  })

  it('drops a comma or an opening quote mark left at the cut', () => {
    expect(shortQuote('Officials, police, and the army said so today.', 19)).toBe('Officials, police…')
    expect(shortQuote('He called it “Operation Herof Phase II” yesterday.', 14)).toBe('He called it…')
  })

  it('cuts inside one very long word rather than leaving almost nothing', () => {
    expect(shortQuote(`See ${'x'.repeat(100)}`, 20)).toBe(`See ${'x'.repeat(16)}…`)
  })
})

describe('REASONS', () => {
  it('names and explains every signal the scorer can find', () => {
    for (const reason of SUGGESTION_REASONS) expect(REASONS[reason].hint.length).toBeGreaterThan(0)
  })
})

describe('explanationLine', () => {
  it('joins the reasons with semicolons, since one may hold commas', () => {
    expect(explanationLine(['contains a figure', 'names people, places or organisations'])).toBe(
      'contains a figure; names people, places or organisations',
    )
  })

  it('is empty when the model gave no reason (or an older payload has none)', () => {
    expect(explanationLine([])).toBe('')
    expect(explanationLine(undefined)).toBe('')
    expect(explanationLine(['  '])).toBe('')
  })
})
