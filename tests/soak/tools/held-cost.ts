/**
 * Prints what one honest update costs a room while N orphan updates of other sockets sit
 * held (server/src/collab/held-cost.testing.ts: transactions and state lookups per honest
 * update, beside the same document with nothing held; the wall time for reference).
 * Reproducible, in-process, no server:
 *
 *   pnpm exec tsx tests/soak/tools/held-cost.ts            # N = 0, 20, 200, 2000
 *   HELD_SIZES=0,100 pnpm exec tsx tests/soak/tools/held-cost.ts
 */
import { measure } from '../../../server/src/collab/held-cost.testing.js'

const sizes = (process.env.HELD_SIZES ?? '0,20,200,2000').split(',').map(Number)
// `same doc`: the same document without the orphans (for `stuck` it has one client per orphan,
// which Yjs's own encoding of every update walks), to tell held-update cost from document size.
console.log('kind          held   tx/edit  lookups/edit  (same doc, none held)  µs/edit')
for (const kind of ['never', 'honest-clock', 'stuck'] as const) {
  for (const held of sizes) {
    const c = measure(kind, held)
    const base = measure(kind, held, 50, false)
    const cells = [
      kind.padEnd(12),
      String(held).padStart(5),
      c.transactions.toFixed(1).padStart(8),
      c.stateLookups.toFixed(1).padStart(13),
      `(${base.transactions.toFixed(1)} tx, ${base.stateLookups.toFixed(1)})`.padStart(22),
      c.micros.toFixed(0).padStart(8),
    ]
    console.log(cells.join(' '))
  }
}
