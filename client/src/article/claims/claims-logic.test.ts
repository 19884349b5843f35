import { describe, expect, it } from 'vitest'
import type { Claim } from '@fc/shared/schema/index'
import type { ClaimView } from './ClaimsController'
import { urlProblem } from './evidenceUrl'
import { filtersActive, matchesFilters, NO_FILTERS } from './filters'
import { fileSize, relativeTime, shortDate } from './format'
import { activeMentionQuery, insertMention, matchMembers, mentionedIn, mentionSpans } from './mentions'

const members = [
  { userId: 'u1', name: 'Amina Qureshi', email: 'amina@desk.example' },
  { userId: 'u2', name: 'Ann', email: 'ann@desk.example' },
  { userId: 'u3', name: 'Ann Lee', email: 'ann.lee@desk.example' },
  { userId: 'u4', name: 'Bilal Ahmed', email: 'bilal@desk.example' },
]

describe('evidence links', () => {
  it('accept http and https web addresses only', () => {
    expect(urlProblem(' https://www.ispr.gov.pk/press?id=7 ')).toBeUndefined()
    expect(urlProblem('http://example.org')).toBeUndefined()
    expect(urlProblem('javascript:alert(1)')).toMatch(/Only web links.*“javascript:”/)
    expect(urlProblem('JavaScript:alert(1)')).toMatch(/Only web links/)
    expect(urlProblem('data:text/html,<script>')).toMatch(/“data:”/)
    expect(urlProblem('file:///etc/passwd')).toMatch(/“file:”/)
    expect(urlProblem('www.example.org/report')).toMatch(/Start the link with https:\/\//)
    expect(urlProblem('https://trusted.example@evil.example/')).toMatch(/not a valid web address/)
    expect(urlProblem('https://exa mple.org')).toMatch(/not a valid/)
    expect(urlProblem('   ')).toMatch(/Paste the link/)
  })
})

describe('mentions', () => {
  it('find the @query being typed before the caret', () => {
    expect(activeMentionQuery('Ask @Ami', 8)).toEqual({ start: 4, query: 'Ami' })
    expect(activeMentionQuery('@', 1)).toEqual({ start: 0, query: '' })
    expect(activeMentionQuery('Ask @Amina Qu', 13)).toEqual({ start: 4, query: 'Amina Qu' })
    expect(activeMentionQuery('mail me at a@b', 14)).toBeNull()
    expect(activeMentionQuery('Ask @Ami and more', 17)).toBeNull()
  })

  it('rank members by how well their name matches', () => {
    expect(matchMembers(members, 'an').map((m) => m.name)).toEqual(['Ann', 'Ann Lee'])
    expect(matchMembers(members, 'le').map((m) => m.name)).toEqual(['Ann Lee'])
    expect(matchMembers(members, 'mina').map((m) => m.name)).toEqual(['Amina Qureshi'])
    expect(matchMembers(members, 'a').map((m) => m.name)).toEqual(['Amina Qureshi', 'Ann', 'Ann Lee', 'Bilal Ahmed'])
    expect(matchMembers(members, '')).toHaveLength(4)
    expect(matchMembers(members, 'zz')).toEqual([])
  })

  it('insert the chosen name and move the caret after it', () => {
    expect(insertMention('Ask @Ami now', 4, 8, 'Amina Qureshi')).toEqual({ text: 'Ask @Amina Qureshi  now', caret: 19 })
  })

  it('recognise whole names only, longest first', () => {
    const text = '@Ann Lee and @Ann, not @Annabel; @Bilal Ahmed.'
    expect(mentionedIn(text, members).map((m) => m.userId)).toEqual(['u3', 'u2', 'u4'])
    expect(mentionSpans(text, members).map((s) => text.slice(s.start, s.end))).toEqual([
      '@Ann Lee',
      '@Ann',
      '@Bilal Ahmed',
    ])
    expect(mentionedIn('email ann@desk.example', members)).toEqual([])
  })
})

describe('claim filters', () => {
  const view = (over: Partial<Claim>): ClaimView => ({
    claim: {
      id: 'c',
      quote: 'q',
      prefix: '',
      suffix: '',
      status: 'open',
      createdBy: 'u1',
      createdAt: '',
      evidence: [],
      comments: [],
      ...over,
    },
    anchor: { status: 'anchored', from: 0, to: 1 },
  })

  it('combine status, verdict, assignee and mine', () => {
    expect(filtersActive(NO_FILTERS)).toBe(false)
    expect(matchesFilters(view({}), NO_FILTERS, 'u1')).toBe(true)
    expect(matchesFilters(view({ status: 'done' }), { ...NO_FILTERS, status: 'open' }, 'u1')).toBe(false)
    expect(matchesFilters(view({}), { ...NO_FILTERS, verdict: 'unset' }, 'u1')).toBe(true)
    expect(matchesFilters(view({ verdict: 'false' }), { ...NO_FILTERS, verdict: 'unset' }, 'u1')).toBe(false)
    expect(matchesFilters(view({ verdict: 'false' }), { ...NO_FILTERS, verdict: 'false' }, 'u1')).toBe(true)
    expect(matchesFilters(view({}), { ...NO_FILTERS, assignee: 'unassigned' }, 'u1')).toBe(true)
    expect(matchesFilters(view({ assignee: 'u2' }), { ...NO_FILTERS, assignee: 'u2' }, 'u1')).toBe(true)
    expect(matchesFilters(view({ assignee: 'u2' }), { ...NO_FILTERS, mine: true }, 'u1')).toBe(false)
    expect(matchesFilters(view({ assignee: 'u1' }), { ...NO_FILTERS, mine: true }, 'u1')).toBe(true)
  })
})

describe('formatting', () => {
  const now = Date.parse('2025-02-01T12:00:00Z')
  it('says how long ago, tolerating small clock differences', () => {
    expect(relativeTime('2025-02-01T11:59:40Z', now, 'en')).toBe('just now')
    expect(relativeTime('2025-02-01T12:00:20Z', now, 'en')).toBe('just now')
    expect(relativeTime('2025-02-01T11:55:00Z', now, 'en')).toBe('5 minutes ago')
    expect(relativeTime('2025-01-31T12:00:00Z', now, 'en')).toBe('yesterday')
    expect(relativeTime('not a time', now, 'en')).toBe('')
  })

  it('prints dates and sizes', () => {
    expect(shortDate('2025-02-01', 'en-GB')).toBe('1 Feb 2025')
    expect(shortDate('last week')).toBe('last week')
    expect(fileSize(512)).toBe('512 B')
    expect(fileSize(48_213)).toBe('47 KB')
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})
