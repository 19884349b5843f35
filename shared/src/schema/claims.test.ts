import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { markClaimAtText } from './anchor.js'
import { addClaim, clearVerdict, removeClaim, setClaimField, setStatus, setVerdict } from './claims.js'
import { addComment, removeComment } from './comments.js'
import { claimsMap } from './doc-keys.js'
import { ClaimSchemaError } from './errors.js'
import { addEvidence, removeEvidence, updateEvidence } from './evidence.js'
import { newId } from './ids.js'
import { readClaim, readClaims } from './read.js'
import { decodeRelPos } from './rel-pos.js'
import { connect, docWithBlocks } from './test-docs.js'

function rawClaim(doc: Y.Doc, id: string): Y.Map<unknown> {
  return claimsMap(doc).get(id) as Y.Map<unknown>
}

describe('addClaim', () => {
  it('stores exactly the contract fields, with Y.Arrays for evidence and comments', () => {
    const doc = docWithBlocks([['paragraph', 'The group said 84 soldiers were killed.']])
    const id = markClaimAtText(doc, 15, 38, {
      createdBy: 'user-1',
      assignee: 'user-2',
      createdAt: '2025-01-31T10:00:00.000Z',
    })
    const raw = rawClaim(doc, id)
    expect([...raw.keys()].sort()).toEqual(
      [
        'assignee',
        'comments',
        'createdAt',
        'createdBy',
        'end',
        'evidence',
        'id',
        'prefix',
        'quote',
        'start',
        'status',
        'suffix',
      ].sort(),
    )
    expect(raw.get('evidence')).toBeInstanceOf(Y.Array)
    expect(raw.get('comments')).toBeInstanceOf(Y.Array)
    expect(raw.get('id')).toBe(id)
    expect(raw.get('status')).toBe('open')
    expect(decodeRelPos(raw.get('start'))).toBeInstanceOf(Y.RelativePosition)
    expect(decodeRelPos(raw.get('end'))).toBeInstanceOf(Y.RelativePosition)
    expect(readClaim(doc, id)).toEqual({
      id,
      start: raw.get('start'),
      end: raw.get('end'),
      quote: '84 soldiers were killed',
      prefix: 'The group said ',
      suffix: '.',
      status: 'open',
      assignee: 'user-2',
      createdBy: 'user-1',
      createdAt: '2025-01-31T10:00:00.000Z',
      evidence: [],
      comments: [],
    })
  })

  it('keeps a quote-only claim, truncating context to 32 characters a side', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, {
      quote: 'q',
      prefix: `${'p'.repeat(40)}END`,
      suffix: `START${'s'.repeat(40)}`,
      createdBy: 'bot',
    })
    const claim = readClaim(doc, id)!
    expect(claim.start).toBeUndefined()
    expect(claim.prefix).toBe(`${'p'.repeat(29)}END`)
    expect(claim.suffix).toBe(`START${'s'.repeat(27)}`)
    expect(Date.parse(claim.createdAt)).not.toBeNaN()
  })

  it('rejects claims without author, quote or complete positions', () => {
    const doc = docWithBlocks([['paragraph', 'text']])
    const start = Y.createRelativePositionFromTypeIndex(doc.getXmlFragment('body'), 0)
    expect(() => addClaim(doc, { quote: 'x', createdBy: ' ' })).toThrow(ClaimSchemaError)
    expect(() => addClaim(doc, { createdBy: 'bot' })).toThrow(/quote or positions/)
    expect(() => addClaim(doc, { startRel: start, createdBy: 'bot' })).toThrow(/together/)
    expect(() => addClaim(doc, { quote: 'x', createdBy: 'bot', status: 'bogus' as never })).toThrow(/status/)
    const id = addClaim(doc, { quote: 'x', createdBy: 'bot' })
    expect(() => addClaim(doc, { id, quote: 'y', createdBy: 'bot' })).toThrow(/already exists/)
  })

  it('writes each claim in a single transaction', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    setVerdict(doc, id, 'false', 'Contradicted by the ministry.')
    expect(updates).toBe(2)
  })
})

describe('claim fields', () => {
  it('requires a rationale with a verdict and keeps it when the verdict is withdrawn', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    expect(() => setVerdict(doc, id, 'false', '  ')).toThrow(/rationale/)
    expect(() => setVerdict(doc, id, 'wrong' as never, 'why')).toThrow(/verdict/)
    setVerdict(doc, id, 'mostly-false', 'Official figures say 12.')
    expect(readClaim(doc, id)).toMatchObject({ verdict: 'mostly-false', rationale: 'Official figures say 12.' })
    expect(() => setClaimField(doc, id, 'rationale', '')).toThrow(/needs a rationale/)
    clearVerdict(doc, id)
    expect(readClaim(doc, id)!.verdict).toBeUndefined()
    expect(readClaim(doc, id)!.rationale).toBe('Official figures say 12.')
    setClaimField(doc, id, 'rationale', undefined)
    expect(rawClaim(doc, id).has('rationale')).toBe(false)
  })

  it('sets status and assignee, and refuses unknown statuses', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    setStatus(doc, id, 'needs-review')
    setClaimField(doc, id, 'assignee', 'user-9')
    expect(readClaim(doc, id)).toMatchObject({ status: 'needs-review', assignee: 'user-9' })
    expect(() => setStatus(doc, id, 'closed' as never)).toThrow(/status/)
    expect(() => setClaimField(doc, id, 'status', undefined)).toThrow(/status/)
    setClaimField(doc, id, 'assignee', undefined)
    expect(readClaim(doc, id)!.assignee).toBeUndefined()
  })

  it('reports unknown claims as not-found', () => {
    const doc = new Y.Doc()
    const error = (() => {
      try {
        setStatus(doc, 'nope', 'done')
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ClaimSchemaError)
    expect((error as ClaimSchemaError).code).toBe('not-found')
    expect(removeClaim(doc, 'nope')).toBe(false)
  })

  it('removes claims', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    expect(removeClaim(doc, id)).toBe(true)
    expect(readClaim(doc, id)).toBeUndefined()
    expect(readClaims(doc)).toEqual([])
  })
})

describe('evidence and comments', () => {
  it('adds, updates and removes evidence', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    const ev = addEvidence(doc, id, {
      url: ' https://example.org/report ',
      title: 'Ministry report',
      quote: '12 personnel died',
      stance: 'refutes',
      addedBy: 'user-1',
      addedAt: '2025-02-01T00:00:00.000Z',
      sourceName: 'Ministry of Defence',
    })
    expect(readClaim(doc, id)!.evidence).toEqual([
      {
        id: ev,
        kind: 'link',
        url: 'https://example.org/report',
        title: 'Ministry report',
        quote: '12 personnel died',
        stance: 'refutes',
        addedBy: 'user-1',
        addedAt: '2025-02-01T00:00:00.000Z',
        sourceName: 'Ministry of Defence',
      },
    ])
    updateEvidence(doc, id, ev, {
      stance: 'context',
      accessedAt: '2025-02-02',
      sourceName: undefined,
      title: undefined,
    })
    expect(readClaim(doc, id)!.evidence[0]).toMatchObject({
      stance: 'context',
      accessedAt: '2025-02-02',
      title: 'Ministry report',
    })
    expect(readClaim(doc, id)!.evidence[0]).not.toHaveProperty('sourceName')
    expect(() => updateEvidence(doc, id, ev, { stance: 'agrees' as never })).toThrow(/stance/)
    expect(() => updateEvidence(doc, id, 'missing', { title: 'x' })).toThrow(/unknown evidence/)
    expect(removeEvidence(doc, id, 'missing')).toBe(false)
    expect(removeEvidence(doc, id, ev)).toBe(true)
    expect(readClaim(doc, id)!.evidence).toEqual([])
  })

  it('adds and removes comments in order', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    const first = addComment(doc, id, { author: 'user-1', text: 'Who counted?', at: '2025-02-01T00:00:00.000Z' })
    addComment(doc, id, { author: 'user-2', text: 'The group itself.' })
    expect(() => addComment(doc, id, { author: 'user-2', text: '' })).toThrow(/text/)
    expect(readClaim(doc, id)!.comments.map((c) => c.text)).toEqual(['Who counted?', 'The group itself.'])
    expect(removeComment(doc, id, first)).toBe(true)
    expect(readClaim(doc, id)!.comments.map((c) => c.author)).toEqual(['user-2'])
  })

  it('recreates a missing evidence array written by a misbehaving client', () => {
    const doc = new Y.Doc()
    const id = addClaim(doc, { quote: 'q', createdBy: 'bot' })
    rawClaim(doc, id).set('evidence', 'not an array')
    expect(readClaim(doc, id)!.evidence).toEqual([])
    addEvidence(doc, id, { url: 'https://a.example', title: 't', stance: 'supports', addedBy: 'u' })
    expect(readClaim(doc, id)!.evidence).toHaveLength(1)
  })
})

describe('reading claims', () => {
  it('sanitizes values another client wrote', () => {
    const doc = new Y.Doc()
    const raw = new Y.Map<unknown>()
    const evidence = new Y.Array<unknown>()
    const good = new Y.Map<unknown>()
    good.set('id', 'e1')
    good.set('url', 42)
    good.set('stance', 'maybe')
    const anonymous = new Y.Map<unknown>()
    anonymous.set('title', 'no id')
    evidence.push([good, anonymous, 'junk'])
    raw.set('id', 'spoofed')
    raw.set('status', 'closed')
    raw.set('verdict', 'pants-on-fire')
    raw.set('quote', 7)
    raw.set('evidence', evidence)
    claimsMap(doc).set('c1', raw)
    claimsMap(doc).set('c2', 'not a map')
    expect(readClaims(doc)).toEqual([
      {
        id: 'c1',
        quote: '',
        prefix: '',
        suffix: '',
        status: 'open',
        createdBy: '',
        createdAt: '',
        evidence: [
          { id: 'e1', kind: 'link', url: '', title: '', quote: '', stance: 'context', addedBy: '', addedAt: '' },
        ],
        comments: [],
      },
    ])
  })

  it('lists claims oldest first and sees a peer’s changes', () => {
    const doc = new Y.Doc()
    const peer = new Y.Doc()
    connect(doc, peer)
    const later = addClaim(peer, { quote: 'b', createdBy: 'u', createdAt: '2025-01-02T00:00:00.000Z' })
    const earlier = addClaim(doc, { quote: 'a', createdBy: 'u', createdAt: '2025-01-01T00:00:00.000Z' })
    setVerdict(peer, earlier, 'true', 'Confirmed.')
    expect(readClaims(doc).map((c) => [c.id, c.verdict])).toEqual([
      [earlier, 'true'],
      [later, undefined],
    ])
  })
})

describe('ids', () => {
  it('are url-safe and distinct', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
  })
})
