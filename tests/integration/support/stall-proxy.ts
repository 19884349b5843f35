import net from 'node:net'
import { freePort } from './ports.js'

export interface StallProxy {
  /** The target URL with its host and port replaced by the proxy's. */
  url: string
  /** From now on nothing sent through the proxy reaches either side: every query hangs unsent. */
  stall(): void
  /** Bytes the database sent back through the proxy so far: how much an instance read. */
  received(): number
  close(): Promise<void>
}

/**
 * A TCP proxy in front of a database that can stop forwarding. An instance behind it keeps
 * serving sockets and publishing to Redis but never commits again: the moment before a
 * SIGKILL inside its group-commit window, held for as long as a test needs it.
 */
export async function startStallProxy(targetUrl: string): Promise<StallProxy> {
  const target = new URL(targetUrl)
  const port = await freePort()
  const sockets = new Set<net.Socket>()
  let stalled = false
  let received = 0
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    // Not pipe(): bytes must be dropped, not buffered, so a stalled query never arrives later.
    client.on('data', (chunk) => stalled || upstream.write(chunk))
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (!stalled) client.write(chunk)
    })
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const url = new URL(targetUrl)
  url.hostname = '127.0.0.1'
  url.port = String(port)
  return {
    url: url.toString(),
    stall: () => {
      stalled = true
    },
    received: () => received,
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
