import WS from 'ws'

export interface RawSocket {
  ws: WS
  /** Resolves with the close code the server chose. */
  closed: Promise<{ code: number; reason: string }>
  received: Uint8Array[]
}

/**
 * A bare websocket, for sending frames no well-behaved client would send
 * (`autoPong: false`: one that never answers the server's pings either).
 */
export async function openRawSocket(url: string, options: { autoPong?: boolean } = {}): Promise<RawSocket> {
  const ws = new WS(url, { autoPong: options.autoPong ?? true })
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, closed, received }
}

/** The HTTP status of a refused upgrade (the socket never opens). */
export async function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WS(url)
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      ws.close()
      reject(new Error('upgrade was accepted'))
    })
    ws.on('error', () => undefined)
  })
}
