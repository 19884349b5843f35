import { buildReportMarkdown, DEFAULT_VERDICT_SCALE, type Claim } from '@fc/shared'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'

// The report is read rendered (GFM, as GitHub or a CMS shows it): check the links a real
// renderer makes, not only the escaped source.
const CLAIM: Claim = {
  id: 'c1',
  quote: '84 personnel were killed',
  prefix: '',
  suffix: '',
  status: 'done',
  createdBy: 'u1',
  createdAt: '2025-01-31T10:00:00.000Z',
  comments: [],
  evidence: [
    {
      id: 'e1',
      kind: 'link',
      url: 'https://gov.example/press',
      // Bare URLs, www. names and emails in user text: GFM would link them without any markup.
      title: 'Ministry release (mirror: www.evil.example)',
      quote: 'Full text at https://evil.example/a; questions to press@evil.example',
      stance: 'refutes',
      addedBy: 'u1',
      addedAt: '2025-02-01T09:00:00.000Z',
      attachments: [
        { id: 'att1', url: '/api/attachments/att1', name: 'x](http://evil)', mime: 'image/png', size: 10 },
        {
          id: 'att2',
          url: 'http://evil.example/',
          name: 'see http://evil.example <b>now</b>',
          mime: 'application/pdf',
          size: 2048,
        },
        { id: '../x', url: '/api/attachments/x', name: '[y](http://evil)', mime: 'application/pdf', size: 1 },
      ],
    },
  ],
}

describe('report attachments, rendered as GFM', () => {
  const html = marked.parse(
    buildReportMarkdown({ id: 'a1', title: 'T', url: 'https://fc.example/a/a1' }, [CLAIM], DEFAULT_VERDICT_SCALE, {
      attachmentBaseUrl: 'https://fc.example/api/attachments',
    }),
    { async: false, gfm: true },
  )
  const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1])

  it('links every downloadable file to our attachment URL, with its name as the visible text', () => {
    expect(html).toContain('<a href="https://fc.example/api/attachments/att1">x](http://evil)</a>')
    expect(html).toContain(
      '<a href="https://fc.example/api/attachments/att2">see http://evil.example &lt;b&gt;now&lt;/b&gt;</a>',
    )
  })

  it('shows bare URLs, www. names and emails in titles and quotes as text, not links', () => {
    expect(html).toContain('Ministry release (mirror: www.evil.example)')
    expect(html).toContain('Full text at https://evil.example/a; questions to press@evil.example')
  })

  it('makes no other link out of a file name, a title or a quote', () => {
    expect(hrefs).toEqual([
      'https://fc.example/a/a1',
      'https://gov.example/press',
      'https://fc.example/api/attachments/att1',
      'https://fc.example/api/attachments/att2',
    ])
    expect(html).toContain('<code>[y](http://evil)</code>')
  })
})
