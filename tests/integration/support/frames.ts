import * as encoding from 'lib0/encoding'

/** One y-websocket message built by hand, for frames no stock client would send. */
export function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** A sync message: sub-type 0 (step 1, a state vector), 1 (step 2) or 2 (update), around its payload. */
export function syncFrame(subType: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, subType)
    encoding.writeVarUint8Array(e, payload)
  })
}

/** An awareness message carrying these entries (state as JSON text). */
export function awarenessFrame(entries: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(
      e,
      frame((inner) => {
        encoding.writeVarUint(inner, entries.length)
        for (const { clientId, clock, json } of entries) {
          encoding.writeVarUint(inner, clientId)
          encoding.writeVarUint(inner, clock)
          encoding.writeVarString(inner, json)
        }
      }),
    )
  })
}
