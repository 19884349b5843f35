import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as string from 'lib0/string'
import * as Y from 'yjs'
import {
  CLOSE_REASONS,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from '@fc/shared'
import { LimitExceeded } from './limits.js'
import { exceedsDepth } from './json-depth.js'

/** A frame we cannot decode: the connection is closed with 1007 and nothing of it is applied. */
export class ProtocolError extends Error {}

/** One entry of an awareness update, as far as the room needs it to count presence ids. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The entry removes the client's state (JSON `null`). */
  removes: boolean
}

/** Bounds checked while decoding, before anything is applied or re-encoded (limits.ts). */
export interface DecodeLimits {
  presenceBytes: number
  presenceDepth: number
  /** Entries a sync step 1 state vector may have beyond `knownClients`. */
  stateVectorEntries: number
}

const NO_LIMITS: DecodeLimits = { presenceBytes: Infinity, presenceDepth: Infinity, stateVectorEntries: Infinity }

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  // Sync step 2 and update carry the same payload; a step 2 may relay other clients' structs.
  | { kind: 'update'; update: Uint8Array; step2?: boolean }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }
  | { kind: 'auth' }

/** Pure decoding of one frame; validation happens here so the room only ever sees well-formed data. */
/** `knownClients`: how many clients the document has (an honest state vector names few others). */
export function decodeClientMessage(
  frame: Uint8Array,
  limits: DecodeLimits = NO_LIMITS,
  knownClients = 0,
): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    let message: ClientMessage
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SYNC_STEP1) {
          // Counted before it is decoded: decoding a huge one is the cost to avoid.
          if (decoding.readVarUint(decoding.createDecoder(payload)) > limits.stateVectorEntries + knownClients)
            throw new LimitExceeded(CLOSE_REASONS.stateVectorLimit)
          Y.decodeStateVector(payload) // throws on garbage
          message = { kind: 'sync-step1', stateVector: payload }
        } else if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
          // Decode fully before applying: Y.applyUpdate integrates structs before it reads
          // the delete set, so a corrupt tail would otherwise leave half an update applied.
          Y.decodeUpdate(payload)
          message = { kind: 'update', update: payload, step2: syncType === SYNC_STEP2 }
        } else {
          throw new ProtocolError(`unknown sync message type ${syncType}`)
        }
        break
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder)
        message = { kind: 'awareness', update, entries: awarenessEntries(update, limits) }
        break
      }
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' }
        break
      case MESSAGE_AUTH:
        // Clients never need to send auth on this socket (the session decides); accept and ignore.
        decoding.readVarUint(decoder)
        decoding.readVarString(decoder)
        message = { kind: 'auth' }
        break
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
    return message
  } catch (err) {
    if (err instanceof ProtocolError || err instanceof LimitExceeded) throw err
    throw new ProtocolError(`undecodable message: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/**
 * Every entry must be JSON within the size and depth bounds: a state nested deeper than
 * JSON.stringify can recurse passes JSON.parse, then makes every later re-encode of the
 * room's presence throw (each joiner closed with 1011), so depth is checked on the text first.
 */
function awarenessEntries(update: Uint8Array, limits: DecodeLimits): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const len = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < len; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const bytes = decoding.readVarUint8Array(decoder)
    if (bytes.byteLength > limits.presenceBytes) throw new LimitExceeded(CLOSE_REASONS.presenceSizeLimit)
    const json = string.decodeUtf8(bytes)
    if (exceedsDepth(json, limits.presenceDepth)) throw new LimitExceeded(CLOSE_REASONS.presenceDepthLimit)
    entries.push({ clientId, clock, removes: JSON.parse(json) === null })
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update')
  return entries
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_STEP2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
  return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}
