import * as Y from 'yjs'
import {
  authFrame,
  awarenessFrame,
  queryAwarenessFrame,
  stateVectorOf,
  syncStep1Frame,
  updateFrame,
} from '../support/frames.js'
import type { Prng } from '../support/prng.js'
import { FUZZ_BOUNDS } from './bounds.js'

/** The frame kinds of the mutation fuzz, and how often each is drawn. */
export const MUTATION_WEIGHTS = {
  'random bytes': 30,
  'truncated valid frame': 25,
  'bit-flipped valid frame': 30,
  'valid frame': 15,
  'oversized frame': 0.2,
} as const
export type MutationKind = keyof typeof MUTATION_WEIGHTS

/**
 * A valid frame of any message type. Updates are standalone (a new Yjs client each, body
 * paragraphs, claims-like maps, deletions), so every one integrates on its own.
 */
export function validFrame(rng: Prng): Uint8Array {
  switch (rng.weighted({ update: 50, step1: 15, awareness: 20, query: 5, auth: 10 })) {
    case 'update': {
      const doc = new Y.Doc()
      const body = doc.getXmlFragment('body')
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      doc.transact(() => {
        body.insert(0, [paragraph])
        paragraph.insert(0, [text])
        text.insert(0, randomText(rng, rng.int(1, rng.chance(0.05) ? 4000 : 80)))
        if (rng.chance(0.3)) text.format(0, 1, { bold: true })
        if (rng.chance(0.3))
          doc.getMap('claims').set(`c${rng.int(0, 1e6)}`, new Y.Map([['quote', randomText(rng, 20)]]))
        if (rng.chance(0.2)) doc.getArray('a').push([rng.int(0, 1e9), randomText(rng, 5), { nested: [1, 2, 3] }])
      })
      if (rng.chance(0.3)) text.delete(0, Math.min(text.length, rng.int(1, 5)))
      const update = Y.encodeStateAsUpdate(doc)
      doc.destroy()
      return updateFrame(update)
    }
    case 'step1':
      return syncStep1Frame(
        stateVectorOf(
          Array.from({ length: rng.int(0, 8) }, () => [rng.int(1, 2 ** 32 - 1), rng.int(0, 1000)] as const),
        ),
      )
    case 'awareness':
      return awarenessFrame(
        Array.from({ length: rng.int(1, 2) }, () => ({
          clientId: rng.int(1, 2 ** 30),
          clock: rng.int(0, 50),
          json: rng.chance(0.1)
            ? 'null'
            : JSON.stringify({
                user: { name: randomText(rng, 8), color: '#ff0000' },
                cursor: { anchor: rng.int(0, 100) },
              }),
        })),
      )
    case 'query':
      return queryAwarenessFrame()
    case 'auth':
      return authFrame(randomText(rng, 10))
  }
}

export function mutatedFrame(rng: Prng, kind: MutationKind): Uint8Array {
  switch (kind) {
    case 'random bytes': {
      const bytes = rng.bytes(rng.chance(0.1) ? rng.int(65, 4096) : rng.int(1, 64))
      // Mostly a known message type first, so the bytes reach the decoders behind it.
      if (rng.chance(0.8)) bytes[0] = rng.int(0, 3)
      if (bytes.length > 1 && bytes[0] === 0 && rng.chance(0.7)) bytes[1] = rng.int(0, 2)
      return bytes
    }
    case 'truncated valid frame': {
      const valid = validFrame(rng)
      return valid.length < 2 ? valid : valid.slice(0, rng.int(1, valid.length - 1))
    }
    case 'bit-flipped valid frame': {
      const copy = validFrame(rng).slice()
      for (let flips = rng.int(1, 3); flips > 0; flips--) copy[rng.int(0, copy.length - 1)]! ^= 1 << rng.int(0, 7)
      return copy
    }
    case 'valid frame':
      return validFrame(rng)
    case 'oversized frame':
      return rng.bytes(FUZZ_BOUNDS.MAX_MESSAGE_BYTES + rng.int(1, 4096))
  }
}

const ALPHABET = Array.from('abcdefghijklmnopqrstuvwxyz ÄéΩ語😀\n')

function randomText(rng: Prng, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[rng.int(0, ALPHABET.length - 1)]
  return out
}
