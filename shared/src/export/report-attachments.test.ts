import { describe, expect, it } from 'vitest'
import { DEFAULT_VERDICT_SCALE } from '../schema/verdicts.js'
import type { Claim, EvidenceAttachment } from '../schema/types.js'
import { attachmentDownloadUrl, fileSizeLabel } from './report-attachments.js'
import { buildReportMarkdown } from './report.js'
import { ARTICLE, KILLED } from './test-fixtures.js'

const BASE = 'https://factcheck.example/api/attachments'
const PDF: EvidenceAttachment = {
  id: 'att1',
  url: '/api/attachments/att1',
  name: 'ISPR statement.pdf',
  mime: 'application/pdf',
  size: 48_213,
}
const PNG: EvidenceAttachment = {
  id: 'att2',
  url: '/api/attachments/att2',
  name: 'screenshot_1.png',
  mime: 'image/png',
  size: 1_000,
}
const HOSTILE: EvidenceAttachment = {
  id: 'att3',
  url: 'javascript:alert(1)',
  name: 'x](http://evil)',
  mime: 'image/jpeg',
  size: 3 * 1024 * 1024,
}

function withAttachments(attachments: EvidenceAttachment[]): Claim {
  const [first, second] = KILLED.evidence
  return { ...KILLED, evidence: [{ ...first!, attachments }, second!] }
}

describe('report: evidence attachments', () => {
  const report = buildReportMarkdown(ARTICLE, [withAttachments([PDF, PNG, HOSTILE])], DEFAULT_VERDICT_SCALE, {
    attachmentBaseUrl: BASE,
  })

  it('lists each file under its evidence with name, type, size and an absolute download link', () => {
    expect(report).toContain(
      [
        '   Link: <https://gov.example/press?id=7>',
        '',
        '   Attachments (3):',
        '',
        '   - [ISPR statement.pdf](https://factcheck.example/api/attachments/att1) (PDF, 47 KB)',
        '   - [screenshot\\_1.png](https://factcheck.example/api/attachments/att2) (PNG image, 1000 B)',
        '   - [x\\](http\\://evil)](https://factcheck.example/api/attachments/att3) (JPEG image, 3.0 MB)',
        '2. **Totally legit**: supports the claim',
      ].join('\n'),
    )
  })

  it('never lets a file name end the link text or open a link of its own', () => {
    // The only unescaped "](" is the one that opens our own download URL.
    const line = report.split('\n').find((l) => l.includes('att3'))!
    expect(line.match(/(?<!\\)\]\(/g)).toHaveLength(1)
    expect(line).toMatch(/\]\(https:\/\/factcheck\.example\/api\/attachments\/att3\)/)
    expect(report).not.toContain('javascript:alert(1)')
  })

  it('links by id, never by the stored url, and shows unlinkable files inert', () => {
    const odd: EvidenceAttachment = { ...PDF, id: '../tokens', name: 'x](http://evil)' }
    const md = buildReportMarkdown(ARTICLE, [withAttachments([odd])], DEFAULT_VERDICT_SCALE, {
      attachmentBaseUrl: BASE,
    })
    expect(md).toContain('   - ` x](http://evil) ` (PDF, 47 KB; no download link)')
    expect(md).not.toContain('/api/attachments/..')
    const unlinked = buildReportMarkdown(ARTICLE, [withAttachments([PDF])], DEFAULT_VERDICT_SCALE)
    expect(unlinked).toContain('   - ` ISPR statement.pdf ` (PDF, 47 KB; no download link)')
  })

  it('adds nothing for evidence without files', () => {
    expect(buildReportMarkdown(ARTICLE, [KILLED], DEFAULT_VERDICT_SCALE, { attachmentBaseUrl: BASE })).not.toContain(
      'Attachments',
    )
  })

  it('builds download URLs only from server-shaped ids under an http(s) base', () => {
    expect(attachmentDownloadUrl(`${BASE}/`, PDF)).toBe(`${BASE}/att1`)
    expect(attachmentDownloadUrl(BASE, { ...PDF, id: 'a?b' })).toBeUndefined()
    expect(attachmentDownloadUrl('javascript:alert(1)//', PDF)).toBeUndefined()
    expect(attachmentDownloadUrl(undefined, PDF)).toBeUndefined()
  })

  it('formats sizes like the web client', () => {
    expect([0, 1023, 1024, 48_213, 1024 * 1024, 10_485_760].map(fileSizeLabel)).toEqual([
      '0 B',
      '1023 B',
      '1 KB',
      '47 KB',
      '1.0 MB',
      '10.0 MB',
    ])
  })
})
