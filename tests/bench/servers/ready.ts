import { createServer } from 'node:net'
import type { PinnedChild } from '../lib/children.js'
import { sleep } from '../lib/time.js'

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the child). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Polls an HTTP URL until it answers 200, failing fast if the child dies first. */
export async function waitForHttp(url: string, child: PinnedChild, ms: number, label: string): Promise<void> {
  // Under valgrind (instructions.ts) a server starts some twenty times slower.
  const deadline = Date.now() + ms * Number(process.env.BENCH_SLOW_START ?? 1)
  let died = false
  void child.exited.then(() => (died = true))
  while (Date.now() < deadline) {
    if (died) throw new Error(`${label} exited before it was ready:\n${child.tail()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) })
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await child.stop()
  throw new Error(`${label} not ready after ${ms} ms:\n${child.tail()}`)
}

let counter = 0
/** Doc ids unique within a run, valid for every server ([A-Za-z0-9_-]{1,64}). */
export function localDocIds(count: number, label: string): string[] {
  const run = process.pid.toString(36)
  return Array.from({ length: count }, (_, i) => `b${run}-${label}-${(counter++).toString(36)}-${i}`.slice(0, 64))
}
