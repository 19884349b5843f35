import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** The soft and hard limit on open files of this process, from /proc (Node has no getrlimit). */
export function fileLimit(): { soft: number; hard: number } {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'))
  const [soft, hard] = (line?.split(/\s{2,}/).slice(1, 3) ?? []).map((v) =>
    v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v),
  )
  return { soft: soft ?? 1024, hard: hard ?? 1024 }
}

/**
 * 10,000 sockets need 10,000 descriptors on each side; the usual soft limit is 1,024. Raises
 * this process' soft limit to its hard limit (no privilege needed) before any server is
 * spawned, so the servers inherit it too. Returns the limit in force afterwards.
 */
export function raiseFileLimit(): number {
  const { soft, hard } = fileLimit()
  if (soft < hard && Number.isFinite(hard)) {
    try {
      execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${hard}:${hard}`], { stdio: 'ignore' })
    } catch {
      // prlimit missing: keep the soft limit; the connections row then says so in its note.
    }
  }
  return fileLimit().soft
}
