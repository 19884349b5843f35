import * as Y from 'yjs'
import type { RawSocket } from '../../integration/support/raw-socket.js'
import { sleep } from '../../integration/support/clients.js'
import { type Outcome, attackSocket, isOpen, outcomeOf, sendWhileOpen } from '../support/attack.js'
import { awarenessFrame, stateVectorOf, syncStep1Frame, updateFrame } from '../support/frames.js'
import type { Prng } from '../support/prng.js'
import { FUZZ_BOUNDS } from './bounds.js'

/** What an offender may use: fresh documents (and socket URLs) of the accounts set aside for it. */
export interface AttackTarget {
  rng: Prng
  /** A socket URL on a new document of the offenders' account. */
  freshDoc(): Promise<{ docId: string; url: string }>
  /** A socket URL on a new document of an account nobody else opens sockets with (the per-user cap counts it alone). */
  cappedDoc(): Promise<{ docId: string; url: string }>
  /** Writes about `bytes` of text into the document through a stock client. */
  fill(docId: string, bytes: number): Promise<void>
  /** What the server logged so far. */
  logs(): string
}

export interface Attempt {
  docId: string
  outcome: Outcome
  frames: number
  note?: string
}

/** One kind of hostile client and the close code the contract (issue 12) promises it. */
export interface Offender {
  kind: string
  /** The variable (the server's name, tests/soak/fuzz/bounds.ts) of the bound it crosses. */
  bound: string
  expected: { code: number; reason?: RegExp }
  attack(target: AttackTarget): Promise<Attempt>
}

const {
  MAX_MESSAGE_BYTES,
  PENDING_UPDATES_PER_SOCKET,
  PENDING_BYTES_PER_SOCKET,
  PRESENCE_MAX_BYTES,
  PRESENCE_IDS_PER_SOCKET,
} = FUZZ_BOUNDS
const { STATE_VECTOR_MAX_ENTRIES, MESSAGE_RATE_PER_SOCKET, SOCKETS_PER_USER } = FUZZ_BOUNDS

async function onFreshDoc(
  target: AttackTarget,
  run: (raw: RawSocket) => Promise<number>,
  settleMs = 1500,
): Promise<Attempt> {
  const { docId, url } = await target.freshDoc()
  const raw = await attackSocket(url)
  if ('refused' in raw) return { docId, outcome: { kind: 'refused', status: raw.refused }, frames: 0 }
  const frames = await run(raw)
  return { docId, outcome: await outcomeOf(raw, settleMs), frames }
}

function* repeat<T>(count: number, make: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield make(i)
}

/**
 * Updates whose first struct's predecessor is never sent: every one of them waits in the
 * room's pending structs. `chunks` updates of `perChunk` map entries (or of one string).
 */
function orphanUpdates(chunks: number, write: (doc: Y.Doc, chunk: number) => void): Uint8Array[] {
  const doc = new Y.Doc()
  doc.getMap('m').set('withheld', 0) // the predecessor the server never receives
  const updates: Uint8Array[] = []
  for (let chunk = 0; chunk < chunks; chunk++) {
    const before = Y.encodeStateVector(doc)
    write(doc, chunk)
    updates.push(Y.encodeStateAsUpdate(doc, before))
  }
  doc.destroy()
  return updates
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

export const OFFENDERS: readonly Offender[] = [
  {
    kind: 'undecodable frame',
    bound: '(protocol)',
    expected: { code: 1007 },
    attack: (t) =>
      onFreshDoc(t, (raw) =>
        sendWhileOpen(raw, [Uint8Array.of(...new Array(10).fill(0xff), 0x01, ...t.rng.bytes(32))]),
      ),
  },
  {
    kind: 'truncated update',
    bound: '(protocol)',
    expected: { code: 1007 },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        const doc = new Y.Doc()
        doc.getText('t').insert(0, 'a sentence that will be cut off in the middle')
        const whole = updateFrame(Y.encodeStateAsUpdate(doc))
        return sendWhileOpen(raw, [whole.subarray(0, Math.floor(whole.length / 2))])
      }),
  },
  {
    kind: 'oversized frame',
    bound: 'MAX_MESSAGE_BYTES',
    expected: { code: 1009 },
    attack: (t) => onFreshDoc(t, (raw) => sendWhileOpen(raw, [t.rng.bytes(MAX_MESSAGE_BYTES + 1)])),
  },
  {
    kind: 'pending-struct flood (struct count)',
    bound: 'PENDING_UPDATES_PER_SOCKET',
    expected: { code: 1008, reason: /pending/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        // 50 updates of 200 entries: 2.5× the bound (closed at the 21st), each far below every size bound.
        const perChunk = 200
        const updates = orphanUpdates(PENDING_UPDATES_PER_SOCKET * 2.5, (doc, chunk) =>
          doc.transact(() => {
            for (let i = 0; i < perChunk; i++) doc.getMap('m').set(`k${chunk}-${i}`, i)
          }),
        )
        return sendWhileOpen(raw, updates.map(updateFrame), 20)
      }),
  },
  {
    kind: 'pending-struct flood (bytes)',
    bound: 'PENDING_BYTES_PER_SOCKET',
    expected: { code: 1008, reason: /pending/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        // 100 KB strings, 12× the bound in all: a few structs, many bytes (past it at the 3rd, long before the count bound).
        const chunk = 'p'.repeat(100 * 1024)
        const updates = orphanUpdates(Math.ceil((PENDING_BYTES_PER_SOCKET * 12) / chunk.length), (doc) =>
          doc.getText('t').insert(doc.getText('t').length, chunk),
        )
        return sendWhileOpen(raw, updates.map(updateFrame), 50)
      }),
  },
  {
    kind: 'deep presence JSON (20,000 levels)',
    bound: 'PRESENCE_MAX_DEPTH',
    expected: { code: 1008, reason: /depth|deep|nest/i },
    attack: (t) =>
      onFreshDoc(t, (raw) =>
        sendWhileOpen(raw, [awarenessFrame([{ clientId: t.rng.int(1, 2 ** 30), clock: 1, json: nested(20_000) }])]),
      ),
  },
  {
    kind: 'big presence state',
    bound: 'PRESENCE_MAX_BYTES',
    expected: { code: 1008, reason: /presence/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        const json = JSON.stringify({
          user: { name: 'x'.repeat(Math.min(MAX_MESSAGE_BYTES - 1024, PRESENCE_MAX_BYTES * 3)) },
        })
        return sendWhileOpen(raw, [awarenessFrame([{ clientId: t.rng.int(1, 2 ** 30), clock: 1, json }])])
      }),
  },
  {
    kind: 'presence rate',
    bound: 'PRESENCE_RATE_PER_SOCKET',
    expected: { code: 1008, reason: /presence|rate/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        const clientId = t.rng.int(1, 2 ** 30)
        // 100 a second for up to 2 s: 5× the rate (its burst of 40 gone in 0.5 s), 1/20 of the socket's message rate.
        const frames = repeat(200, (i) =>
          awarenessFrame([{ clientId, clock: i + 1, json: JSON.stringify({ cursor: i }) }]),
        )
        return sendWhileOpen(raw, frames, 10)
      }),
  },
  {
    kind: 'many presence ids',
    bound: 'PRESENCE_IDS_PER_SOCKET',
    expected: { code: 1008, reason: /presence|ids|clients/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        const perFrame = PRESENCE_IDS_PER_SOCKET * 4
        const frames = repeat(30, (f) =>
          awarenessFrame(
            Array.from({ length: perFrame }, (_, i) => ({
              clientId: 1_000_000 + f * perFrame + i,
              clock: 1,
              json: '{"u":1}',
            })),
          ),
        )
        return sendWhileOpen(raw, frames, 50)
      }),
  },
  {
    kind: 'giant sync step 1 state vector',
    bound: 'STATE_VECTOR_MAX_ENTRIES',
    expected: { code: 1008, reason: /state.?vector/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        const entries = Math.round(STATE_VECTOR_MAX_ENTRIES * 20.48) // 20,480 entries: 20× the bound
        const frames = repeat(10, () =>
          syncStep1Frame(
            stateVectorOf(
              Array.from({ length: entries }, () => [t.rng.int(1, 2 ** 32 - 1), t.rng.int(0, 2 ** 31)] as const),
            ),
          ),
        )
        return sendWhileOpen(raw, frames, 100)
      }),
  },
  {
    kind: 'message flood',
    bound: 'MESSAGE_RATE_PER_SOCKET',
    expected: { code: 1008, reason: /message|rate|per.?s/i },
    attack: (t) =>
      onFreshDoc(t, (raw) => {
        // Empty updates: valid, cheap, and they change nothing, so only their number counts.
        const empty = updateFrame(Y.encodeStateAsUpdate(new Y.Doc()))
        return sendWhileOpen(
          raw,
          repeat(MESSAGE_RATE_PER_SOCKET * 15, () => empty),
        )
      }),
  },
  {
    kind: 'slow reader (stops reading)',
    bound: 'OUTGOING_BUFFER_MAX_BYTES',
    expected: { code: 1008, reason: /outgoing|buffer|backlog|slow/i },
    async attack(t) {
      const { docId, url } = await t.freshDoc()
      const docBytes = 240 * 1024
      await t.fill(docId, docBytes)
      const logsBefore = t.logs().length
      const raw = await attackSocket(url)
      if ('refused' in raw) return { docId, outcome: { kind: 'refused', status: raw.refused }, frames: 0 }
      raw.ws.pause() // reads nothing more from the TCP socket: the server's writes pile up
      // Each sync step 1 with an empty state vector asks for the whole document again:
      // 150 asks ≈ 36 MB owed to a reader that reads nothing, 35× the bound.
      const frames = await sendWhileOpen(
        raw,
        repeat(150, () => syncStep1Frame(Uint8Array.of(0))),
        30,
      )
      await sleep(500)
      raw.ws.resume() // read what is queued: a close frame the server sent is behind it
      const outcome = await outcomeOf(raw, 5000)
      const note = `owed ≈ ${Math.round((frames * docBytes) / 1024 / 1024)} MB`
      // docs/api.md: such a socket is closed with 1008 and destroyed at once, since a peer that
      // reads nothing would not read the close frame either. The client then sees only the
      // dropped connection (1006), so the code and reason are taken from the server's log line.
      const logged = /closing socket: limit.*reason="([^"]*outgoing[^"]*)"/.exec(t.logs().slice(logsBefore))
      if (outcome.kind === 'closed' && outcome.code === 1006 && logged) {
        return {
          docId,
          outcome: { kind: 'closed', code: 1008, reason: logged[1]! },
          frames,
          note: `${note}; dropped, 1008 read from the server log`,
        }
      }
      return { docId, outcome, frames, note }
    },
  },
  {
    kind: 'many sockets on one token',
    bound: 'SOCKETS_PER_USER',
    expected: { code: 1013 },
    async attack(t) {
      const { docId, url } = await t.cappedDoc()
      const extra = 8
      const sockets: RawSocket[] = []
      const refusals: Outcome[] = []
      for (let i = 0; i < SOCKETS_PER_USER + extra; i++) {
        const raw = await attackSocket(url)
        if ('refused' in raw) refusals.push({ kind: 'refused', status: raw.refused })
        else sockets.push(raw)
      }
      await sleep(1000)
      const closed = await Promise.all(sockets.map((raw) => (isOpen(raw) ? undefined : raw.closed)))
      const closes = closed.filter((c) => c !== undefined)
      for (const raw of sockets) raw.ws.terminate()
      const stillOpen = sockets.length - closes.length
      const note = `${SOCKETS_PER_USER + extra} opened: ${stillOpen} kept, ${closes.length} closed (${[...new Set(closes.map((c) => c.code))].join(', ') || '–'}), ${refusals.length} upgrades refused`
      // The contract: exactly the sockets past the cap are refused, each with 1013.
      const outcome: Outcome =
        closes.length === extra && stillOpen === SOCKETS_PER_USER && new Set(closes.map((c) => c.code)).size === 1
          ? { kind: 'closed', code: closes[0]!.code, reason: closes[0]!.reason }
          : refusals.length > 0
            ? refusals[0]!
            : closes.length > 0
              ? {
                  kind: 'closed',
                  code: closes[0]!.code,
                  reason: `${closes[0]!.reason} (but ${closes.length} closed, expected ${extra})`,
                }
              : { kind: 'open' }
      return { docId, outcome, frames: 0, note }
    },
  },
]
