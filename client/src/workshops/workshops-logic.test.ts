import { describe, expect, it } from 'vitest'
import type { Claim } from '@fc/shared/schema/index'
import { ApiError } from '../api/api'
import { parseRoute } from '../ui/router'
import { formatAlpha, percent, readAgreement } from './agreement'
import {
  checkKey,
  emptyRow,
  keyChanged,
  placeServerError,
  rowsFromKey,
  sameQuote,
  takeOverClaims,
  type KeyRow,
} from './answerKey'
import { spacedJoinCode, tidyJoinCode } from './guestMemory'

function claim(quote: string, verdict?: Claim['verdict'], rationale?: string): Claim {
  return {
    id: quote,
    quote,
    prefix: '',
    suffix: '',
    status: 'open',
    createdBy: 'u',
    createdAt: '',
    evidence: [],
    comments: [],
    ...(verdict ? { verdict } : {}),
    ...(rationale ? { rationale } : {}),
  }
}

function row(quote: string, verdict: KeyRow['verdict'] = '', rationale = ''): KeyRow {
  return { ...emptyRow(), quote, verdict, rationale }
}

describe('answer key rows', () => {
  it('take over the article’s claims once each, keeping verdicts and rationales, and count those without a verdict', () => {
    const existing = [row('84 Pakistani security personnel were killed', 'unproven'), row('')]
    const result = takeOverClaims(existing, [
      claim('84  pakistani security personnel were KILLED', 'false'),
      claim('taken 18 personnel captive', 'unproven', 'Only the BLA says so.'),
      claim('on January 31'),
      claim('   '),
    ])
    expect(result.added).toBe(2)
    expect(result.alreadyThere).toBe(1)
    expect(result.withoutVerdict).toBe(1)
    // The blank row made way; the existing row kept its own verdict.
    expect(result.rows.map((r) => [r.quote, r.verdict, r.rationale])).toEqual([
      ['84 Pakistani security personnel were killed', 'unproven', ''],
      ['taken 18 personnel captive', 'unproven', 'Only the BLA says so.'],
      ['on January 31', '', ''],
    ])
  })

  it('compare quotes by their words, not by case, spacing or curly quotes', () => {
    expect(sameQuote('“Operation Herof”  Phase II', '"operation herof" phase ii')).toBe(true)
    expect(sameQuote('84 killed', '48 killed')).toBe(false)
  })

  it('check rows as the server would: blank rows left out, missing words or verdict named beside the row', () => {
    const good = row(' taken 18 personnel captive ', 'unproven', '  ')
    const noVerdict = row('more than 30 facilities')
    const noQuote = row('', 'false', 'why')
    const check = checkKey([good, row(''), noVerdict, noQuote])
    expect(check.claims).toEqual([{ quote: 'taken 18 personnel captive', verdict: 'unproven' }])
    expect(check.rowIds).toEqual([good.id])
    expect(check.errors[noVerdict.id]).toEqual({ verdict: 'Choose the right verdict.' })
    expect(check.errors[noQuote.id]?.quote).toMatch(/Enter the words/)
    expect(check.form).toBeNull()
    expect(checkKey([row('')]).form).toMatch(/at least one claim/)
    expect(checkKey([row('x'.repeat(5001), 'true')]).errors).not.toEqual({})
  })

  it('know when the rows differ from the saved key', () => {
    const saved = [{ quote: 'a claim', verdict: 'true' as const, rationale: 'because' }]
    const rows = rowsFromKey(saved)
    expect(keyChanged(rows, saved)).toBe(false)
    expect(keyChanged([...rows, row('')], saved)).toBe(false)
    expect(keyChanged([{ ...rows[0]!, verdict: 'false' }], saved)).toBe(true)
    expect(keyChanged([], saved)).toBe(true)
  })

  it('put a server error beside the row it names, anything else above the button', () => {
    const ids = ['r1', 'r2']
    expect(placeServerError(new ApiError('claims.1.verdict: must be one of true, false', 400), ids)).toEqual({
      errors: { r2: { verdict: 'Must be one of true, false.' } },
      form: null,
    })
    expect(placeServerError(new ApiError('claims: must have at least 1 claim', 400), ids).form).toBe(
      'Claims: must have at least 1 claim.',
    )
    expect(
      placeServerError(new ApiError('The server cannot be reached. Check your connection and try again.', 0), ids).form,
    ).toMatch(/cannot be reached/)
  })
})

describe('results in words', () => {
  it('read alpha in bands, and say when it cannot be measured', () => {
    expect(readAgreement(null).label).toBe('Not measurable yet')
    expect(readAgreement(-0.2).label).toBe('Less agreement than chance')
    expect(readAgreement(0).label).toBe('No agreement beyond chance')
    expect(readAgreement(-0.004).label).toBe('No agreement beyond chance')
    expect(readAgreement(0.1).label).toBe('Slight agreement')
    expect(readAgreement(0.3).label).toBe('Fair agreement')
    expect(readAgreement(0.5).label).toBe('Moderate agreement')
    expect(readAgreement(0.7).label).toBe('Substantial agreement')
    expect(readAgreement(0.85).label).toBe('Strong agreement')
    expect(readAgreement(1).label).toBe('Perfect agreement')
    expect(readAgreement(Number.NaN).tone).toBe('none')
  })

  it('format percentages and alpha', () => {
    expect(percent(2 / 3)).toBe('67%')
    expect(percent(0)).toBe('0%')
    expect(percent(null)).toBe('—')
    expect(formatAlpha(0.5123)).toBe('0.51')
    expect(formatAlpha(-0.25)).toBe('−0.25')
  })
})

describe('join codes and workshop routes', () => {
  it('tidy a typed code and space it for reading', () => {
    expect(tidyJoinCode(' abcd-2345 ')).toBe('ABCD2345')
    expect(tidyJoinCode('ab cd 23 45')).toBe('ABCD2345')
    expect(spacedJoinCode('ABCD2345')).toBe('ABCD 2345')
    expect(spacedJoinCode('ABC')).toBe('ABC')
  })

  it('parse the trainer’s and the participant’s addresses', () => {
    expect(parseRoute('/w/ws1/workshops')).toEqual({ kind: 'workshops', workspaceId: 'ws1' })
    expect(parseRoute('/w/ws1/workshops/wk_2/')).toEqual({ kind: 'workshop', workspaceId: 'ws1', workshopId: 'wk_2' })
    expect(parseRoute('/w/ws1/workshops/wk2/copies/p-3')).toEqual({
      kind: 'workshopCopy',
      workspaceId: 'ws1',
      workshopId: 'wk2',
      participantId: 'p-3',
    })
    expect(parseRoute('/join')).toEqual({ kind: 'join', code: '' })
    expect(parseRoute('/join/ABCD2345')).toEqual({ kind: 'join', code: 'ABCD2345' })
    expect(parseRoute('/workshop/wk2')).toEqual({ kind: 'participant', workshopId: 'wk2' })
    expect(parseRoute('/w/ws1')).toEqual({ kind: 'workspace', workspaceId: 'ws1' })
    expect(parseRoute('/join/AB CD')).toEqual({ kind: 'notFound', path: '/join/AB CD' })
  })
})
