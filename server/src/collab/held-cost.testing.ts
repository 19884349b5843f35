/**
 * What one honest update costs a room while other sockets' orphan updates sit held
 * (held-updates.ts), counted, not timed (the machine is shared): per honest update, the Yjs
 * transactions the room runs (each held update re-applied is one) and the state lookups
 * (`store.clients.get`: what every wait check and every integrate does); the wall time only
 * for reference. Used by held-updates.test.ts and tests/soak/tools/held-cost.ts.
 *
 * Kinds of orphan:
 * - `never`: waits on a struct that is never sent (the fuzz's pending-struct flood);
 * - `honest-clock`: waits on a far-future clock of the honest writer itself (each honest
 *   edit moves the client it waits on, but never far enough);
 * - `stuck`: its first wait was met, but it still lacks another struct (a second reference).
 */
import * as Y from 'yjs'
import { Connection } from './connection.js'
import { Room } from './room.js'
import { RecordingPeer } from './test-doubles.testing.js'

export type OrphanKind = 'never' | 'honest-clock' | 'stuck'

export interface Cost {
  transactions: number
  stateLookups: number
  micros: number
}

const HONEST_CLIENT = 1

function writer(): Connection {
  return new Connection(new RecordingPeer(), { canWrite: true })
}

function docOf(clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return doc
}

function delta(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  change()
  return Y.encodeStateAsUpdate(doc, before)
}

/** The updates one orphan takes: `prelude` integrate at once, `orphan` is held. */
function orphan(kind: OrphanKind, i: number): { prelude: Uint8Array[]; orphan: Uint8Array } {
  const client = 1_000_000 + i
  const doc = docOf(client)
  if (kind === 'never') {
    doc.getMap('m').set('withheld', 0)
    return {
      prelude: [],
      orphan: delta(doc, () =>
        doc.transact(() => {
          for (let k = 0; k < 20; k++) doc.getMap('m').set(`k${k}`, k)
        }),
      ),
    }
  }
  if (kind === 'honest-clock') {
    // A struct of the honest client far ahead of anything it will send, then one of ours after it.
    const fake = docOf(HONEST_CLIENT)
    fake.getText('far').insert(0, 'x'.repeat(1_000_000 + i))
    const tail = delta(fake, () => fake.getText('far').insert(0, 'y'))
    return { prelude: [], orphan: tail }
  }
  // stuck: the struct a:1 comes after a:0 (sent first, so that wait is met) and also names
  // b:0 (never sent) as its origin.
  const other = docOf(2_000_000 + i)
  other.getText('t').insert(0, 'b')
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
  const first = delta(doc, () => doc.getMap('m').set('a0', 0))
  const second = delta(doc, () => doc.getText('t').insert(1, 'a'))
  return { prelude: [first], orphan: second }
}

/**
 * Average cost of `edits` honest updates in a room where `held` orphans of `kind` are held.
 * `orphans: false` sends only what the orphans build on (for `stuck`, a struct of its own
 * client each), not the orphans: the same document, nothing held, to compare with.
 */
export function measure(kind: OrphanKind, held: number, edits = 50, orphans = true): Cost {
  const perSocket = 20
  const room = new Room(
    'cost',
    { onLocalUpdate: () => undefined },
    { pendingUpdates: perSocket, pendingBytes: 1 << 30, presenceIds: 16 },
  )
  const sockets: Connection[] = []
  let socket: Connection | undefined
  for (let i = 0; i < held; i++) {
    if (i % perSocket === 0) {
      socket = writer()
      room.add(socket)
      sockets.push(socket)
    }
    const { prelude, orphan: update } = orphan(kind, i)
    // For `stuck`: the orphan first, then what its first wait names.
    if (orphans) room.receive(socket!, { kind: 'update', update })
    for (const u of prelude) room.receive(socket!, { kind: 'update', update: u })
  }
  const holding = sockets.filter((c) => c.held !== undefined).length
  if (holding !== (orphans ? sockets.length : 0))
    throw new Error(`${holding} of ${sockets.length} sockets hold updates`)
  const structsBefore = Y.encodeStateAsUpdate(room.doc).byteLength

  const honest = writer()
  room.add(honest)
  const author = docOf(HONEST_CLIENT)
  const updates: Uint8Array[] = []
  author.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < edits; i++) author.getText('body').insert(i, 'h')

  let transactions = 0
  let stateLookups = 0
  room.doc.on('beforeTransaction', () => transactions++)
  const clients = room.doc.store.clients
  const get = clients.get.bind(clients)
  clients.get = (client: number) => {
    stateLookups++
    return get(client)
  }
  const started = process.hrtime.bigint()
  for (const update of updates) room.receive(honest, { kind: 'update', update })
  const micros = Number(process.hrtime.bigint() - started) / 1000
  clients.get = get

  if (room.doc.getText('body').toString() !== 'h'.repeat(edits)) throw new Error('honest edits did not all integrate')
  const junk = Y.encodeStateAsUpdate(room.doc).byteLength - structsBefore - Y.encodeStateAsUpdate(author).byteLength
  if (kind !== 'stuck' && junk > 64) throw new Error(`held junk reached the document (${junk} bytes)`)
  room.destroy()
  return { transactions: transactions / edits, stateLookups: stateLookups / edits, micros: micros / edits }
}
