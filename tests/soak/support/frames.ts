import * as encoding from 'lib0/encoding'
import { awarenessFrame, frame, syncFrame } from '../../integration/support/frames.js'

/* The integration suite's hand-built frames, and the few more the fuzz sends. */
export { awarenessFrame }

export const syncStep1Frame = (stateVector: Uint8Array): Uint8Array => syncFrame(0, stateVector)
export const updateFrame = (update: Uint8Array): Uint8Array => syncFrame(2, update)
export const queryAwarenessFrame = (): Uint8Array => Uint8Array.of(3)

export function authFrame(text: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 2)
    encoding.writeVarUint(e, 0)
    encoding.writeVarString(e, text)
  })
}

/** A state vector claiming these clients and clocks, as sync step 1 carries it. */
export function stateVectorOf(entries: ReadonlyArray<readonly [client: number, clock: number]>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, entries.length)
    for (const [client, clock] of entries) {
      encoding.writeVarUint(e, client)
      encoding.writeVarUint(e, clock)
    }
  })
}
