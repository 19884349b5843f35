import { describe, expect, it } from 'vitest'
import type { AnchorResult } from '../schema/anchor.js'
import { DEFAULT_VERDICT_SCALE } from '../schema/verdicts.js'
import { ARTICLE, CAPTIVES, DETACHED, KILLED } from './test-fixtures.js'
import { buildReportMarkdown } from './report.js'

const ANCHORS = new Map<string, AnchorResult>([
  [KILLED.id, { status: 'anchored', from: 21, to: 64 }],
  [CAPTIVES.id, { status: 'reanchored', from: 90, to: 116 }],
  [DETACHED.id, { status: 'detached' }],
])

describe('buildReportMarkdown', () => {
  const report = buildReportMarkdown(ARTICLE, [DETACHED, CAPTIVES, KILLED], DEFAULT_VERDICT_SCALE, {
    anchors: ANCHORS,
    generatedAt: '2025-02-03T12:00:00.000Z',
  })
  const sections = report.split(/^## /m)

  it('has a header with the escaped title, links and counts', () => {
    expect(sections[0]).toBe(
      [
        '# Fact-check report: BLA claims \\*84\\* killed',
        '',
        '- Article: <https://factcheck.example/articles/art-1>',
        '- Originally published at: <https://news.example/bla-attacks>',
        '- Claims: 3 (2 with a verdict, 1 detached)',
        '- Generated: 2025-02-03T12:00:00.000Z',
        '',
        '',
      ].join('\n'),
    )
  })

  it('lists every claim in document order, detached ones last', () => {
    expect(sections.slice(1).map((s) => s.split('\n')[0])).toEqual([
      'Claim 1: False',
      'Claim 2: Unproven',
      'Claim 3: No verdict yet',
    ])
    expect(sections[3]).toContain('- Position: detached (the quoted text is no longer in the article)')
    expect(sections[3]).toContain('> seized 30 facilities')
    expect(sections[3]).toContain('- Status: Researching')
    expect(sections[3]).toContain('*No rationale yet.*')
    expect(sections[3]).toContain('### Evidence (0)\n\n*No evidence yet.*')
  })

  it('renders a reviewed claim completely, with user text escaped', () => {
    expect(sections[1]).toBe(
      [
        'Claim 1: False',
        '',
        '> 84 Pakistani security personnel were killed',
        '',
        '- Status: Done',
        '- Verdict: False',
        '- Assignee: user-2',
        '- Comments: 1',
        '',
        '### Rationale',
        '',
        '> The ministry reported 12 deaths.',
        '> \\# Not a heading',
        '> 1\\. not a list \\<script\\>alert(1)\\</script\\>',
        '',
        '### Evidence (2)',
        '',
        '1. **Ministry press \\[release\\]** (Ministry of Interior): refutes the claim',
        '',
        '   > Twelve personnel lost their lives.',
        '',
        '   Link: <https://gov.example/press?id=7>',
        '2. **Totally legit**: supports the claim',
        '   Link refused (not a plain http or https URL): ` javascript:alert(document.cookie) `',
        '',
        '### Comments (1)',
        '',
        '1. **user-2**, 2025-02-01T10:00:00.000Z:',
        '',
        '   > Checked with the ministry.',
        '',
        '',
      ].join('\n'),
    )
  })

  it('with the review record: drafts marked, people named, decisions and corrections listed', () => {
    const reviewed = buildReportMarkdown(
      ARTICLE,
      [KILLED, { ...CAPTIVES, claimant: 'The BLA' }],
      DEFAULT_VERDICT_SCALE,
      {
        people: new Map([
          ['user-2', 'Amina'],
          [KILLED.createdBy, 'Bilal'],
        ]),
        review: {
          states: new Map([[KILLED.id, 'approved']]),
          decisions: [
            {
              claimId: KILLED.id,
              decision: 'request-changes',
              note: 'Cite the *ministry*.',
              by: 'Chen',
              at: '2025-02-02T09:00:00.000Z',
            },
            { claimId: KILLED.id, decision: 'approve', note: null, by: 'Chen', at: '2025-02-02T10:00:00.000Z' },
          ],
          corrections: [
            { at: '2025-02-05T08:00:00.000Z', by: 'Chen', note: 'Updated toll.', claims: [KILLED.id, 'gone'] },
          ],
          factCheckPublishedAt: '2025-02-03T00:00:00.000Z',
          publishedUrl: 'https://checks.example/bla',
        },
      },
    )
    const parts = reviewed.split(/^## /m)
    expect(parts[0]).toContain('- Published: 2025-02-03T00:00:00.000Z at <https://checks.example/bla>')
    expect(parts[1]).toMatch(/^Claim 1: False\n/)
    expect(parts[1]).toContain('- Marked by: Bilal')
    expect(parts[1]).toContain('- Assignee: Amina')
    expect(parts[1]).toContain('- Review: Approved')
    expect(parts[1]).toContain(
      '### Decisions\n\n- Changes requested by Chen, 2025-02-02T09:00:00.000Z: Cite the \\*ministry\\*.\n- Approved by Chen, 2025-02-02T10:00:00.000Z',
    )
    expect(parts[1]).toContain('1. **Amina**, 2025-02-01T10:00:00.000Z:')
    expect(parts[1]).not.toContain('user-2')
    expect(parts[2]).toMatch(/^Claim 2: Unproven \(draft\)\n/)
    expect(parts[2]).toContain('- Claimant: The BLA')
    expect(parts[2]).toContain('- Review: Draft, not reviewed yet')
    expect(parts[3]).toBe(
      'Corrections (1)\n\n1. 2025-02-05T08:00:00.000Z, by Chen (claim 1, a claim since removed): Updated toll.\n',
    )
    const unpublished = buildReportMarkdown(ARTICLE, [KILLED], DEFAULT_VERDICT_SCALE, {
      review: { states: new Map(), decisions: [], corrections: [], factCheckPublishedAt: null, publishedUrl: null },
    })
    expect(unpublished).toContain('- Published: not yet')
    expect(unpublished).toContain('## Claim 1: False (draft)')
  })

  it('never links an unsafe URL', () => {
    expect(report).not.toMatch(/\]\(javascript:|<javascript:/)
  })

  it('keeps the given order without anchors and says when there are no claims', () => {
    const plain = buildReportMarkdown(ARTICLE, [DETACHED, KILLED], DEFAULT_VERDICT_SCALE)
    expect(plain).toContain('- Claims: 2 (1 with a verdict)')
    expect(plain.indexOf('seized 30 facilities')).toBeLessThan(plain.indexOf('84 Pakistani'))
    expect(plain).not.toContain('Generated')
    expect(buildReportMarkdown(ARTICLE, [], DEFAULT_VERDICT_SCALE)).toContain(
      'No claims have been marked in this article yet.',
    )
  })
})

describe('report: evidence kinds', () => {
  it('names an interview by who and when, a document as a document, and asks no link of either', () => {
    const claim = {
      ...KILLED,
      evidence: [
        {
          id: 'e-int',
          kind: 'interview' as const,
          url: '',
          title: '',
          quote: 'We counted nine.',
          stance: 'refutes' as const,
          addedBy: 'user-2',
          addedAt: '2025-02-01T09:00:00.000Z',
          interviewee: 'Dr. Rana',
          interviewedAt: '2025-02-01T14:05',
        },
        {
          id: 'e-doc',
          kind: 'document' as const,
          url: '',
          title: 'Hospital admissions log',
          quote: '',
          stance: 'context' as const,
          addedBy: 'user-2',
          addedAt: '2025-02-01T09:00:00.000Z',
        },
      ],
    }
    const md = buildReportMarkdown(ARTICLE, [claim], DEFAULT_VERDICT_SCALE, { generatedAt: '2025-02-03T12:00:00.000Z' })
    expect(md).toContain('1. **Interview or call with Dr. Rana**, 2025-02-01 14:05: refutes the claim')
    expect(md).toContain('2. **Hospital admissions log** (document): context')
    expect(md).not.toContain('No link given.')
  })

  it('lists the discussion as threads: replies under their first comment, resolved ones marked with who and when', () => {
    const claim = {
      ...KILLED,
      comments: [
        {
          id: 't1',
          author: 'user-2',
          text: 'Who has the *hospital* numbers?',
          at: '2025-02-01T10:00:00.000Z',
          resolved: true,
          resolvedBy: 'user-3',
          resolvedAt: '2025-02-01T12:00:00.000Z',
        },
        { id: 't2', author: 'user-3', text: 'Open question.', at: '2025-02-01T10:05:00.000Z' },
        { id: 'r1', author: 'user-3', text: 'Quetta desk has them.', at: '2025-02-01T11:00:00.000Z', replyTo: 't1' },
      ],
    }
    const md = buildReportMarkdown(ARTICLE, [claim], DEFAULT_VERDICT_SCALE, {
      people: new Map([
        ['user-2', 'Amina'],
        ['user-3', 'Chen'],
      ]),
    })
    expect(md).toContain('- Comments: 3 (1 of 2 threads resolved)')
    expect(md).toContain(
      [
        '### Comments (3)',
        '',
        '1. **Amina**, 2025-02-01T10:00:00.000Z:',
        '',
        '   > Who has the \\*hospital\\* numbers?',
        '',
        '   *Resolved by Chen, 2025-02-01T12:00:00.000Z.*',
        '',
        '   - Reply from **Chen**, 2025-02-01T11:00:00.000Z:',
        '',
        '     > Quetta desk has them.',
        '2. **Chen**, 2025-02-01T10:05:00.000Z:',
        '',
        '   > Open question.',
      ].join('\n'),
    )
  })
})
