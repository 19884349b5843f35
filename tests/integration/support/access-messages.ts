import * as decoding from 'lib0/decoding'
import { messageAuth, type WebsocketProvider } from 'y-websocket'

/** An auth message (type 2) the server sent, as docs/api.md "Access changes" describes them. */
export type AuthMessage =
  | { kind: 'access'; canWrite: boolean; role?: string; reason?: string }
  | { kind: 'permission-denied'; reason: string }
  | { kind: 'other'; subType: number }

/**
 * What a bot does to hear access changes: take over its own provider's auth handler
 * (the table is per provider instance). Returns the messages heard so far, in order.
 */
export function recordAuthMessages(provider: WebsocketProvider): AuthMessage[] {
  const heard: AuthMessage[] = []
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    const subType = decoding.readVarUint(decoder)
    if (subType === 0) heard.push({ kind: 'permission-denied', reason: decoding.readVarString(decoder) })
    else if (subType === 1)
      heard.push({
        kind: 'access',
        ...(JSON.parse(decoding.readVarString(decoder)) as { canWrite: boolean; role?: string; reason?: string }),
      })
    else heard.push({ kind: 'other', subType })
  }
  return heard
}
