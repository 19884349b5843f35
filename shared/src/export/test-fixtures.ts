import type { Claim } from '../schema/types.js'
import type { ArticleMeta } from './article.js'

/** Test fixtures shared by the export tests. */
export const ARTICLE: ArticleMeta = {
  id: 'art-1',
  title: 'BLA claims *84* killed',
  url: 'https://factcheck.example/articles/art-1',
  sourceUrl: 'https://news.example/bla-attacks',
  claimAuthor: { name: 'Baloch Liberation Army' },
}

export const PLAIN_TEXT =
  'The BLA alleged that 84 Pakistani security personnel were killed.\n\nIt also claimed to have taken 18 personnel captive.'

function claim(partial: Partial<Claim> & Pick<Claim, 'id' | 'quote'>): Claim {
  return {
    prefix: '',
    suffix: '',
    status: 'open',
    createdBy: 'user-1',
    createdAt: '2025-01-31T10:00:00.000Z',
    evidence: [],
    comments: [],
    ...partial,
  }
}

export const KILLED = claim({
  id: 'c-killed',
  quote: '84 Pakistani security personnel were killed',
  prefix: 'The BLA alleged that ',
  suffix: '.',
  status: 'done',
  verdict: 'false',
  rationale: 'The ministry reported 12 deaths.\n# Not a heading\n1. not a list <script>alert(1)</script>',
  assignee: 'user-2',
  evidence: [
    {
      id: 'e-ok',
      kind: 'link',
      url: 'https://gov.example/press?id=7',
      title: 'Ministry press [release]',
      quote: 'Twelve personnel lost their lives.',
      stance: 'refutes',
      addedBy: 'user-2',
      addedAt: '2025-02-01T09:00:00.000Z',
      sourceName: 'Ministry of Interior',
    },
    {
      id: 'e-js',
      kind: 'link',
      url: 'javascript:alert(document.cookie)',
      title: 'Totally legit',
      quote: '',
      stance: 'supports',
      addedBy: 'user-3',
      addedAt: '2025-02-01T09:05:00.000Z',
    },
  ],
  comments: [{ id: 'm1', author: 'user-2', text: 'Checked with the ministry.', at: '2025-02-01T10:00:00.000Z' }],
})

export const CAPTIVES = claim({
  id: 'c-captives',
  quote: 'taken 18 personnel captive',
  prefix: 'It also claimed to have ',
  suffix: '.',
  status: 'needs-review',
  verdict: 'unproven',
  rationale: 'No independent confirmation.',
})

export const DETACHED = claim({
  id: 'c-gone',
  quote: 'seized 30 facilities',
  status: 'researching',
  createdAt: '2025-01-30T10:00:00.000Z',
})
