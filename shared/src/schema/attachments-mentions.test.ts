import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addClaim } from './claims.js'
import { addComment } from './comments.js'
import { claimsMap } from './doc-keys.js'
import { addEvidence, addEvidenceAttachment, removeEvidenceAttachment } from './evidence.js'
import { readClaim } from './read.js'
import { connect } from './test-docs.js'
import type { EvidenceAttachment } from './types.js'

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
  name: 'screenshot.png',
  mime: 'image/png',
  size: 1_024,
}

function claimWithEvidence(doc: Y.Doc, attachments?: EvidenceAttachment[]): { claimId: string; evidenceId: string } {
  const claimId = addClaim(doc, { quote: 'q', createdBy: 'u1' })
  const evidenceId = addEvidence(doc, claimId, {
    url: 'https://example.org',
    title: 'Statement',
    stance: 'refutes',
    addedBy: 'u1',
    ...(attachments ? { attachments } : {}),
  })
  return { claimId, evidenceId }
}

function rawEvidence(doc: Y.Doc, claimId: string): Y.Map<unknown> {
  return ((claimsMap(doc).get(claimId) as Y.Map<unknown>).get('evidence') as Y.Array<Y.Map<unknown>>).get(0)
}

describe('evidence attachments', () => {
  it('are absent until a file is attached, then a Y.Array of plain objects', () => {
    const doc = new Y.Doc()
    const { claimId, evidenceId } = claimWithEvidence(doc)
    expect(readClaim(doc, claimId)!.evidence[0]).not.toHaveProperty('attachments')
    addEvidenceAttachment(doc, claimId, evidenceId, { ...PDF, extra: 'dropped' } as EvidenceAttachment)
    const stored = rawEvidence(doc, claimId).get('attachments')
    expect(stored).toBeInstanceOf(Y.Array)
    expect((stored as Y.Array<unknown>).toArray()).toEqual([PDF])
    expect(readClaim(doc, claimId)!.evidence[0]!.attachments).toEqual([PDF])
  })

  it('can come with new evidence, and be removed by id', () => {
    const doc = new Y.Doc()
    const { claimId, evidenceId } = claimWithEvidence(doc, [PDF, PNG])
    expect(readClaim(doc, claimId)!.evidence[0]!.attachments!.map((a) => a.id)).toEqual(['att1', 'att2'])
    expect(removeEvidenceAttachment(doc, claimId, evidenceId, 'att1')).toBe(true)
    expect(removeEvidenceAttachment(doc, claimId, evidenceId, 'att1')).toBe(false)
    expect(readClaim(doc, claimId)!.evidence[0]!.attachments).toEqual([PNG])
  })

  it('refuses files of other types or with a bad size', () => {
    const doc = new Y.Doc()
    const { claimId, evidenceId } = claimWithEvidence(doc)
    expect(() => addEvidenceAttachment(doc, claimId, evidenceId, { ...PDF, mime: 'text/html' as never })).toThrow(
      /not allowed/,
    )
    expect(() => addEvidenceAttachment(doc, claimId, evidenceId, { ...PDF, size: -1 })).toThrow(/size/)
    expect(() => addEvidenceAttachment(doc, claimId, evidenceId, { ...PDF, id: '' })).toThrow(/id/)
    expect(() => addEvidenceAttachment(doc, claimId, 'nope', PDF)).toThrow(/unknown evidence/)
  })

  it('reads only well-formed entries another client wrote', () => {
    const doc = new Y.Doc()
    const { claimId } = claimWithEvidence(doc)
    rawEvidence(doc, claimId).set(
      'attachments',
      Y.Array.from<any>([
        PNG,
        { ...PDF, mime: 'text/html' },
        { ...PDF, size: '12' },
        'junk',
        null,
        { ...PDF, name: 3 },
      ]),
    )
    expect(readClaim(doc, claimId)!.evidence[0]!.attachments).toEqual([PNG, { ...PDF, name: '' }])
  })

  it('merges files attached by two peers at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    connect(a, b)
    const { claimId, evidenceId } = claimWithEvidence(a)
    addEvidenceAttachment(a, claimId, evidenceId, PDF)
    addEvidenceAttachment(b, claimId, evidenceId, PNG)
    expect(
      readClaim(a, claimId)!
        .evidence[0]!.attachments!.map((x) => x.id)
        .sort(),
    ).toEqual(['att1', 'att2'])
    expect(readClaim(b, claimId)).toEqual(readClaim(a, claimId))
  })
})

describe('comment mentions', () => {
  it('are stored deduplicated only when there are any', () => {
    const doc = new Y.Doc()
    const claimId = addClaim(doc, { quote: 'q', createdBy: 'u1' })
    addComment(doc, claimId, { author: 'u1', text: 'No one in particular.' })
    addComment(doc, claimId, {
      author: 'u1',
      text: '@Bob Okafor and @Amina, @Bob Okafor again',
      mentions: ['u2', 'u3', 'u2'],
    })
    const [plain, mentioning] = readClaim(doc, claimId)!.comments
    expect(plain).not.toHaveProperty('mentions')
    expect(mentioning!.mentions).toEqual(['u2', 'u3'])
    expect(() => addComment(doc, claimId, { author: 'u1', text: 'x', mentions: [''] })).toThrow(/mention/)
  })

  it('read only string ids from a misbehaving client', () => {
    const doc = new Y.Doc()
    const claimId = addClaim(doc, { quote: 'q', createdBy: 'u1' })
    addComment(doc, claimId, { author: 'u1', text: 'hi', mentions: ['u2'] })
    const raw = ((claimsMap(doc).get(claimId) as Y.Map<unknown>).get('comments') as Y.Array<Y.Map<unknown>>).get(0)
    raw.set('mentions', ['u2', 7, '', null, 'u2', 'u4'])
    expect(readClaim(doc, claimId)!.comments[0]!.mentions).toEqual(['u2', 'u4'])
    raw.set('mentions', 'u2')
    expect(readClaim(doc, claimId)!.comments[0]).not.toHaveProperty('mentions')
  })
})
