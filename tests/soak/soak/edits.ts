import {
  BodyText,
  ClaimSchemaError,
  STANCES,
  VERDICT_IDS,
  addComment,
  addEvidence,
  bodyFragment,
  claimsMap,
  markClaimAtText,
  setVerdict,
} from '@fc/shared'
import * as Y from 'yjs'
import type { Prng } from '../support/prng.js'

export type EditKind = 'text' | 'claim' | 'evidence' | 'comment' | 'verdict'

/** One edit a client made: the Yjs id of the last struct it created, and the schema ids it added. */
export interface Edit {
  kind: EditKind
  client: number
  clock: number
  /** Claim, evidence or comment id (text edits and verdicts add none). */
  id?: string
}

const WORDS = [
  'minister',
  '40%',
  'roads',
  'repaired',
  'according to',
  'the largest',
  'officials',
  'said',
  'in 2025',
  'million',
]

/**
 * A random edit through the shared schema accessors, as a bot or the editor makes it: text
 * typed into a paragraph of the 'body' fragment (sometimes over a few deleted characters), a
 * claim marked on the text, evidence, a comment, or a verdict on a claim. Every edit creates
 * at least one struct, so its last clock identifies it in any copy of the document.
 */
export function randomEdit(doc: Y.Doc, rng: Prng, author: string): Edit | undefined {
  const before = Y.getState(doc.store, doc.clientID)
  let edit: Edit | undefined
  try {
    edit = editOnce(doc, rng, author)
  } catch (err) {
    // A range that spans no text (only separators) is refused by the accessor: no edit.
    if (!(err instanceof ClaimSchemaError)) throw err
  }
  return edit && edit.clock >= before ? edit : undefined
}

function editOnce(doc: Y.Doc, rng: Prng, author: string): Edit | undefined {
  const claimIds = [...claimsMap(doc).keys()]
  let kind = rng.weighted<EditKind>({ text: 55, claim: 12, evidence: 12, comment: 14, verdict: 7 })
  if (kind !== 'text' && kind !== 'claim' && claimIds.length === 0) kind = 'claim'
  let id: string | undefined
  switch (kind) {
    case 'text': {
      const paragraphs = bodyFragment(doc)
        .toArray()
        .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
      const text = rng
        .pick(paragraphs)
        ?.toArray()
        .find((n): n is Y.XmlText => n instanceof Y.XmlText)
      if (!text) return undefined
      doc.transact(() => {
        const at = rng.int(0, text.length)
        if (rng.chance(0.3) && at < text.length) text.delete(at, Math.min(rng.int(1, 5), text.length - at))
        text.insert(Math.min(at, text.length), ` ${rng.pick(WORDS)}`)
      })
      break
    }
    case 'claim': {
      const length = BodyText.of(doc).text.length
      if (length < 10) return undefined
      const from = rng.int(0, length - 6)
      id = markClaimAtText(doc, from, Math.min(length, from + rng.int(3, 30)), { createdBy: author })
      break
    }
    case 'evidence':
      id = addEvidence(doc, rng.pick(claimIds), {
        url: `https://source.example/${rng.int(0, 1e6)}`,
        title: 'A source',
        stance: rng.pick(STANCES),
        addedBy: author,
      })
      break
    case 'comment':
      id = addComment(doc, rng.pick(claimIds), { author, text: `checked ${rng.pick(WORDS)}` })
      break
    case 'verdict':
      setVerdict(doc, rng.pick(claimIds), rng.pick(VERDICT_IDS), `rationale ${rng.int(0, 1e6)}`)
      break
  }
  return { kind, client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) - 1, ...(id ? { id } : {}) }
}
