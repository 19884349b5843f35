import { readFileSync } from 'node:fs'
import { sleep } from './time.js'

/** Resident set size of a process in KiB, from /proc (the same source for every server). */
export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match?.[1]) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(match[1])
}

/**
 * RSS once it stops moving. Right after a burst, V8 may still be sweeping or growing
 * its heap; reading at once would make memory numbers depend on timing luck.
 */
export async function settledRssKiB(pid: number, maxMs = 3000): Promise<number> {
  const deadline = Date.now() + maxMs
  let last = rssKiB(pid)
  while (Date.now() < deadline) {
    await sleep(250)
    const now = rssKiB(pid)
    if (Math.abs(now - last) <= Math.max(256, last * 0.005)) return now
    last = now
  }
  return last
}
