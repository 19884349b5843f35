import { openInspector } from './inspector.js'
import { settledRssKiB } from './proc.js'
import { withTimeout } from './time.js'

/**
 * Memory of a server process after a full GC, the same way for all three servers:
 * each runs with `--inspect=127.0.0.1:0`, and we ask V8 over the inspector protocol to
 * collect garbage and report heapUsed. Without it, RSS depends on when V8 last happened
 * to collect, and "memory after everyone left" would measure garbage, not leaks.
 */
/** Node flag for every server child: inspector on a random loopback port, idle unless we attach. */
export const INSPECT = '--inspect=127.0.0.1:0'

export interface Memory {
  rssKiB: number
  /** null if the inspector was unavailable; RSS is then taken without a forced GC. */
  heapUsedKiB: number | null
}

export async function measureMemory(pid: number, inspectorUrl: string | undefined): Promise<Memory> {
  let heapUsedKiB: number | null = null
  if (inspectorUrl) {
    try {
      heapUsedKiB = await withTimeout(gcAndHeapUsed(inspectorUrl), 10_000, 'inspector gc')
    } catch {
      heapUsedKiB = null
    }
  }
  return { rssKiB: await settledRssKiB(pid), heapUsedKiB }
}

async function gcAndHeapUsed(url: string): Promise<number> {
  const { call, close } = await openInspector(url)
  try {
    // Twice: the first pass can leave objects whose finalizers free more on the second.
    await call('HeapProfiler.collectGarbage')
    await call('HeapProfiler.collectGarbage')
    const result = await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true })
    const value = (result.result as { value?: number } | undefined)?.value
    if (typeof value !== 'number') throw new Error('no heapUsed')
    return Math.round(value / 1024)
  } finally {
    close()
  }
}

/** (after − before) / count in KiB, or undefined when either heap reading is missing. */
export function perUnit(after: number | null, before: number | null, count: number): number | undefined {
  if (after === null || before === null || count <= 0) return undefined
  return Math.round(((after - before) / count) * 10) / 10
}
