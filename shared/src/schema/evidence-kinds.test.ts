import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addClaim } from './claims.js'
import { addEvidence, updateEvidence } from './evidence.js'
import { evidenceProblems } from './evidence-kinds.js'
import { readClaim } from './read.js'

const FILE = { id: 'f1', url: '/api/attachments/f1', name: 'minutes.pdf', mime: 'application/pdf' as const, size: 1200 }

describe('evidence kinds', () => {
  it('each kind asks for its own fields', () => {
    expect(evidenceProblems({ kind: 'link', url: '', title: '' })).toEqual({
      url: expect.any(String),
      title: expect.any(String),
    })
    expect(evidenceProblems({ kind: 'document', url: '', title: 'Minutes' })).toEqual({
      attachments: expect.any(String),
    })
    expect(evidenceProblems({ kind: 'document', url: '', title: 'Minutes', attachments: [FILE] })).toEqual({})
    expect(evidenceProblems({ kind: 'interview', url: '', title: '' })).toEqual({
      interviewee: expect.any(String),
      interviewedAt: expect.any(String),
    })
    expect(
      evidenceProblems({
        kind: 'interview',
        url: '',
        title: '',
        interviewee: 'Dr. Rana',
        interviewedAt: 'last tuesday',
      }),
    ).toEqual({
      interviewedAt: expect.any(String),
    })
    expect(
      evidenceProblems({
        kind: 'interview',
        url: '',
        title: '',
        interviewee: 'Dr. Rana',
        interviewedAt: '2026-11-30T14:05',
      }),
    ).toEqual({})
  })

  it('an interview without a link is stored and read back with who and when', () => {
    const doc = new Y.Doc()
    const claimId = addClaim(doc, { quote: 'q', createdBy: 'u' })
    const id = addEvidence(doc, claimId, {
      kind: 'interview',
      interviewee: ' Dr. Rana, district health officer ',
      interviewedAt: '2026-11-30',
      stance: 'refutes',
      addedBy: 'u',
    })
    expect(readClaim(doc, claimId)!.evidence[0]).toMatchObject({
      id,
      kind: 'interview',
      url: '',
      title: '',
      interviewee: 'Dr. Rana, district health officer',
      interviewedAt: '2026-11-30',
    })
  })

  it('refuses an entry its kind does not allow, and a patch that would break one; nothing is written', () => {
    const doc = new Y.Doc()
    const claimId = addClaim(doc, { quote: 'q', createdBy: 'u' })
    expect(() => addEvidence(doc, claimId, { stance: 'supports', addedBy: 'u', url: '', title: 'No link' })).toThrow(
      /url/,
    )
    expect(() =>
      addEvidence(doc, claimId, { kind: 'document', title: 'Minutes', stance: 'supports', addedBy: 'u' }),
    ).toThrow(/attachments/)
    expect(() =>
      addEvidence(doc, claimId, { kind: 'memo' as never, title: 'x', stance: 'supports', addedBy: 'u' }),
    ).toThrow(/kind/)
    expect(readClaim(doc, claimId)!.evidence).toEqual([])
    const id = addEvidence(doc, claimId, {
      kind: 'interview',
      interviewee: 'Dr. Rana',
      interviewedAt: '2026-11-30',
      stance: 'refutes',
      addedBy: 'u',
    })
    expect(() => updateEvidence(doc, claimId, id, { interviewee: undefined })).toThrow(/interviewee/)
    expect(() => updateEvidence(doc, claimId, id, { kind: 'link' })).toThrow(/url/)
    updateEvidence(doc, claimId, id, { kind: 'link', url: 'https://example.org/transcript', title: 'Transcript' })
    expect(readClaim(doc, claimId)!.evidence[0]).toMatchObject({
      kind: 'link',
      url: 'https://example.org/transcript',
      interviewee: 'Dr. Rana',
    })
  })
})
