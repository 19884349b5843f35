import * as decoding from 'lib0/decoding'
import WS from 'ws'
import * as Y from 'yjs'
import { sleep } from '../../integration/support/clients.js'
import type { RawSocket } from '../../integration/support/raw-socket.js'
import { attackSocket, isOpen } from '../support/attack.js'
import { updateFrame } from '../support/frames.js'
import type { Prng } from '../support/prng.js'
import { MUTATION_WEIGHTS, type MutationKind, mutatedFrame } from './mutations.js'

/** How the server answered each frame, counted per mutation kind and outcome label. */
export type Tally = Map<MutationKind, Map<string, number>>

export interface MutationRun {
  tally: Tally
  frames: number
  sockets: number
  ms: number
}

/** Beyond this the server has stopped answering a socket it did not close. */
const ANSWER_WITHIN_MS = 5000
/** Each worker moves to a new document this often, so no document grows without end. */
const FRAMES_PER_DOC = 2000

/**
 * After each fuzzed frame the worker sends a small valid update of its own: the server
 * handles a socket's frames in order, so once it relays that update back, it has handled
 * the fuzzed frame and kept the socket (accepted); otherwise the socket's close code says how
 * the frame was refused. One fresh Yjs client per socket, so no fuzzed frame can forge it.
 */
class Pinger {
  private readonly doc = new Y.Doc()
  private lastUpdate: Uint8Array | undefined
  private heardClock = 0
  private waiting: { clock: number; resolve: () => void } | undefined

  constructor(readonly raw: RawSocket) {
    this.doc.on('update', (update: Uint8Array) => (this.lastUpdate = update))
    raw.ws.on('message', (data: Buffer) => this.hear(new Uint8Array(data)))
  }

  /** Sends the next ping; resolves once the server relayed it. */
  ping(): Promise<void> {
    this.doc.getMap('ping').set('n', Y.getState(this.doc.store, this.doc.clientID))
    const clock = Y.getState(this.doc.store, this.doc.clientID)
    this.raw.ws.send(updateFrame(this.lastUpdate!))
    if (this.heardClock >= clock) return Promise.resolve()
    return new Promise((resolve) => (this.waiting = { clock, resolve }))
  }

  private hear(message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === 0) return
      const heard = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder)).to.get(this.doc.clientID)
      if (heard !== undefined) this.heardClock = Math.max(this.heardClock, heard)
    } catch {
      return // not ours to judge here: the frames the server sends are checked elsewhere
    }
    if (this.waiting && this.heardClock >= this.waiting.clock) {
      this.waiting.resolve()
      this.waiting = undefined
    }
  }
}

export async function runMutationFuzz(options: {
  rng: Prng
  frames: number
  workers: number
  /**
   * A socket URL on a new document, and one for another account's socket that holds its room
   * open (otherwise every refused frame would unload the room and the next socket reload it).
   */
  newDoc(): Promise<{ url: string; anchorUrl: string }>
}): Promise<MutationRun> {
  const tally: Tally = new Map()
  const count = (kind: MutationKind, label: string) => {
    const row = tally.get(kind) ?? new Map<string, number>()
    row.set(label, (row.get(label) ?? 0) + 1)
    tally.set(kind, row)
  }
  let claimed = 0
  let sockets = 0
  const started = Date.now()

  async function worker(rng: Prng): Promise<void> {
    let url = ''
    let anchor: WS | undefined
    let onDoc = FRAMES_PER_DOC
    let raw: RawSocket | undefined
    let pinger: Pinger | undefined
    while (claimed < options.frames) {
      if (onDoc >= FRAMES_PER_DOC) {
        const doc = await options.newDoc()
        anchor?.terminate()
        anchor = await holdOpen(doc.anchorUrl)
        url = doc.url
        onDoc = 0
        raw?.ws.terminate()
        raw = undefined
      }
      if (!raw || !isOpen(raw)) {
        const opened = await attackSocket(url)
        sockets++
        if ('refused' in opened)
          throw new Error(`the server refused a fuzz socket's upgrade with HTTP ${opened.refused}`)
        raw = opened
        pinger = new Pinger(raw)
      }
      if (claimed >= options.frames) break // another worker took the last one while this one connected
      claimed++
      onDoc++
      const kind = rng.weighted(MUTATION_WEIGHTS)
      raw.ws.send(mutatedFrame(rng, kind))
      const answered =
        kind === 'oversized frame' ? new Promise<never>(() => undefined) : pinger!.ping().then(() => 'accepted')
      const closed = raw.closed.then(({ code, reason }) =>
        code === 1008 ? `closed 1008 "${reason}"` : `closed ${code}`,
      )
      count(
        kind,
        await Promise.race([
          answered,
          closed,
          sleep(ANSWER_WITHIN_MS).then(() => `no answer within ${ANSWER_WITHIN_MS} ms`),
        ]),
      )
    }
    raw?.ws.terminate()
    anchor?.terminate()
  }

  await Promise.all(Array.from({ length: options.workers }, () => worker(options.rng.fork())))
  return { tally, frames: claimed, sockets, ms: Date.now() - started }
}

/** A socket that only keeps its document's room loaded; what it hears is dropped. */
async function holdOpen(url: string): Promise<WS> {
  const ws = new WS(url)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.on('error', () => undefined)
  return ws
}

/** Which outcomes the contract allows per kind: refused with 1007, a bound's 1008, or kept; oversized only 1009. */
export function allowedOutcome(kind: MutationKind, label: string): boolean {
  if (kind === 'oversized frame') return label === 'closed 1009'
  if (kind === 'valid frame') return label === 'accepted' || label.startsWith('closed 1008')
  return label === 'accepted' || label === 'closed 1007' || label.startsWith('closed 1008')
}
