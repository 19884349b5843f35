import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import type { Endpoint } from '../servers/types.js'

/**
 * A minimal y-websocket client that holds no Y.Doc: it syncs with an empty state,
 * answers the server's step 1 with an empty step 2 (as a real client would), and
 * hands received update bytes to the scenario. Thousands of these fit on the
 * generator's core where thousands of WebsocketProviders would not.
 *
 * For Hocuspocus every frame is prefixed with the document name and the first frame
 * is the auth message, exactly as @hocuspocus/provider 4.6 writes them
 * (AuthenticationMessage, SyncStepOneMessage, UpdateMessage).
 */
const MSG_SYNC = 0
const MSG_AUTH = 2
const MSG_STATELESS = 5
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
const AUTH_TOKEN = 0
const AUTH_PERMISSION_DENIED = 1
const EMPTY_STATE_VECTOR = new Uint8Array([0])
const EMPTY_UPDATE = new Uint8Array([0, 0])
/** What @hocuspocus/provider sends as its version; the server only stores it. */
const HP_PROVIDER_VERSION = '4.6.0'

export interface RawClient {
  /** ms from `new WebSocket` to the first sync step 2 (handshake + sync). */
  synced: Promise<number>
  /**
   * ms from the socket's open (the upgrade, and with it ours' access check, is done) to the
   * first step 2 received whole: the server's load + encode + write of the document, without
   * any client-side apply (the bytes are handed over undecoded).
   */
  openToStep2: Promise<number>
  /** Called with the Yjs update bytes of every update and step 2 the server sends. */
  onUpdate: ((update: Uint8Array) => void) | null
  sendUpdate(update: Uint8Array): void
  /**
   * Sends step 1 and waits for the step 2 answer: servers handle one socket's frames in order,
   * so everything sent before has been applied. Only after `synced`.
   */
  roundTrip(timeoutMs: number): Promise<void>
  isOpen(): boolean
  /** As StockClient.keepAlive: an empty stateless message to Hocuspocus, nothing to the others. */
  keepAlive(): void
  close(): void
}

export function connectRaw(server: Endpoint, docId: string, timeoutMs = 10_000): RawClient {
  const hp = server.protocol === 'hocuspocus'
  const query = new URLSearchParams(server.params).toString()
  const url = hp ? server.wsBase : `${server.wsBase}/${docId}${query ? `?${query}` : ''}`
  const startedAt = performance.now()
  const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs })

  const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
    const e = encoding.createEncoder()
    if (hp) encoding.writeVarString(e, docId)
    write(e)
    return encoding.toUint8Array(e)
  }
  const syncFrame = (step: number, payload: Uint8Array): Uint8Array =>
    frame((e) => {
      encoding.writeVarUint(e, MSG_SYNC)
      encoding.writeVarUint(e, step)
      encoding.writeVarUint8Array(e, payload)
    })

  const step2Waiters: Array<() => void> = []
  let openedAt = 0
  let resolveSynced!: (ms: number) => void
  let rejectSynced!: (err: Error) => void
  let isSynced = false
  let syncedAt = 0
  const synced = new Promise<number>((resolve, reject) => {
    resolveSynced = resolve
    rejectSynced = reject
  })
  // Scenarios may never await `synced` (e.g. after a close); an unobserved rejection must not kill the run.
  synced.catch(() => undefined)
  const openToStep2 = synced.then(() => syncedAt - openedAt)
  openToStep2.catch(() => undefined)
  const timer = setTimeout(() => fail(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs)

  function fail(err: Error): void {
    clearTimeout(timer)
    if (!isSynced) rejectSynced(err)
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate()
  }

  const client: RawClient = {
    synced,
    openToStep2,
    onUpdate: null,
    sendUpdate(update) {
      if (ws.readyState === WebSocket.OPEN) ws.send(syncFrame(SYNC_UPDATE, update))
    },
    roundTrip(ms) {
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`round trip over ${ms} ms`)), ms)
        step2Waiters.push(() => {
          clearTimeout(t)
          resolve()
        })
        if (ws.readyState === WebSocket.OPEN) ws.send(syncFrame(SYNC_STEP1, EMPTY_STATE_VECTOR))
      })
    },
    isOpen: () => ws.readyState === WebSocket.OPEN,
    keepAlive() {
      if (!hp || ws.readyState !== WebSocket.OPEN) return
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, MSG_STATELESS)
          encoding.writeVarString(e, '')
        }),
      )
    },
    close() {
      clearTimeout(timer)
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close()
    },
  }

  ws.on('open', () => {
    openedAt = performance.now()
    if (hp) {
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, MSG_AUTH)
          encoding.writeVarUint(e, AUTH_TOKEN)
          encoding.writeVarString(e, server.token)
          encoding.writeVarString(e, HP_PROVIDER_VERSION)
        }),
      )
    }
    ws.send(syncFrame(SYNC_STEP1, EMPTY_STATE_VECTOR))
  })
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(data)
    if (hp) decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    if (type === MSG_SYNC) {
      const step = decoding.readVarUint(d)
      if (step === SYNC_STEP1) {
        ws.send(syncFrame(SYNC_STEP2, EMPTY_UPDATE))
        return
      }
      const update = decoding.readVarUint8Array(d)
      if (step === SYNC_STEP2) {
        if (!isSynced) {
          isSynced = true
          syncedAt = performance.now()
          clearTimeout(timer)
          resolveSynced(syncedAt - startedAt)
        } else {
          step2Waiters.shift()?.()
        }
      }
      client.onUpdate?.(update)
      return
    }
    if (hp && type === MSG_AUTH && decoding.readVarUint(d) === AUTH_PERMISSION_DENIED) {
      fail(new Error(`hocuspocus denied ${docId}: ${decoding.readVarString(d)}`))
    }
    // Awareness, auth-ok and Hocuspocus' SyncStatus acks (type 8) need no answer from a reader.
  })
  ws.on('error', (err) => fail(err))
  ws.on('close', (code, reason) => fail(new Error(`closed ${code} ${reason.toString()}`)))
  return client
}
