import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { messageAuth, type WebsocketProvider } from 'y-websocket'
import { readAuthMessage } from '@fc/shared/protocol/index'
import { feedAccessMessages, SocketAccessFeed } from './socketAccess'

/** An auth message as the server frames it (docs/api.md, "Access changes"). */
function authFrame(sub: number, text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageAuth)
  encoding.writeVarUint(encoder, sub)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

/** The provider's own dispatch: read the message type, call that handler with the rest. */
function deliver(provider: Pick<WebsocketProvider, 'messageHandlers'>, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  provider.messageHandlers[type]!(encoding.createEncoder(), decoder, provider as WebsocketProvider, true, type)
}

describe('socket access messages', () => {
  it('reads the access message, with and without a role', () => {
    const read = (frame: Uint8Array) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      return readAuthMessage(decoder)
    }
    expect(read(authFrame(1, '{"canWrite":false,"role":"viewer"}'))).toEqual({
      kind: 'access',
      access: { canWrite: false, role: 'viewer' },
    })
    expect(read(authFrame(1, '{"canWrite":true,"extra":1}'))).toEqual({ kind: 'access', access: { canWrite: true } })
    expect(read(authFrame(1, '{"canWrite":false,"reason":"workshop-revealed"}'))).toEqual({
      kind: 'access',
      access: { canWrite: false, reason: 'workshop-revealed' },
    })
    expect(read(authFrame(0, 'read-only'))).toEqual({ kind: 'permission-denied', reason: 'read-only' })
    expect(read(authFrame(1, 'not json'))).toEqual({ kind: 'unknown' })
    expect(read(authFrame(1, '{"canWrite":"yes"}'))).toEqual({ kind: 'unknown' })
    expect(read(authFrame(7, 'future'))).toEqual({ kind: 'unknown' })
  })

  it('takes over only its own provider’s auth handler, feeds access messages, and gives the handler back', () => {
    const stock = () => undefined
    const provider = { messageHandlers: [] as WebsocketProvider['messageHandlers'] }
    provider.messageHandlers[messageAuth] = stock
    const feed = new SocketAccessFeed()
    const heard: unknown[] = []
    feed.subscribe((access) => heard.push(access))
    const stop = feedAccessMessages(provider as unknown as WebsocketProvider, feed)

    deliver(provider, authFrame(0, 'read-only: your role changed to viewer'))
    deliver(provider, authFrame(1, '{"canWrite":false,"role":"viewer"}'))
    expect(heard).toEqual([{ canWrite: false, role: 'viewer' }])
    expect(feed.latest).toEqual({ canWrite: false, role: 'viewer' })

    stop()
    expect(provider.messageHandlers[messageAuth]).toBe(stock)
  })
})
