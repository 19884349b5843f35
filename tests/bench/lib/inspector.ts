import WebSocket from 'ws'

export interface InspectorSession {
  /** One inspector-protocol command; resolves with its result, rejects with its error. */
  call(method: string, params?: object): Promise<Record<string, unknown>>
  close(): void
}

/** A session on a server child's V8 inspector (`--inspect`), for GC, heap and CPU profiles. */
export async function openInspector(url: string): Promise<InspectorSession> {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  let id = 0
  const call = (method: string, params: object = {}): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const myId = ++id
      const onMessage = (data: Buffer): void => {
        const msg = JSON.parse(data.toString('utf8')) as {
          id?: number
          result?: Record<string, unknown>
          error?: unknown
        }
        if (msg.id !== myId) return
        ws.off('message', onMessage)
        if (msg.error) reject(new Error(JSON.stringify(msg.error)))
        else resolve(msg.result ?? {})
      }
      ws.on('message', onMessage)
      ws.send(JSON.stringify({ id: myId, method, params }))
    })
  return { call, close: () => ws.close() }
}
