import net from 'node:net'
import { freePort } from './ports.js'

export interface Balancer {
  port: number
  wsUrl: string
  /** Stop sending new connections to a backend (it died). */
  markDown(port: number): void
  close(): Promise<void>
}

/**
 * A round-robin TCP balancer without sticky sessions, as a newsroom would put
 * in front of several instances. A dead backend's sockets drop and the clients'
 * reconnects land on the next live one.
 */
export async function startBalancer(backendPorts: number[]): Promise<Balancer> {
  const port = await freePort()
  const down = new Set<number>()
  const sockets = new Set<net.Socket>()
  let next = 0
  const server = net.createServer((client) => {
    const live = backendPorts.filter((p) => !down.has(p))
    if (live.length === 0) return client.destroy()
    const target = live[next++ % live.length]!
    const upstream = net.connect(target, '127.0.0.1')
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => undefined)
    }
    client.pipe(upstream).pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    markDown: (p) => down.add(p),
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
