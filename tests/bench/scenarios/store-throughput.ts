import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plan } from '../config.js'
import { removeOnExit, spawnPinned } from '../lib/children.js'
import { round } from '../lib/stats.js'
import { withTimeout } from '../lib/time.js'
import type { Row } from '../row.js'
import { serverDir } from '../servers/ours.js'

/** A realistic busy newsroom: a few thousand keystroke-sized updates per second. */
const OFFERED_PER_SEC = 2000

/** Ours only: DocStore group-commit throughput and append → durable latency (scenarios/store.child.ts). */
export async function storeThroughput(plan: Plan['store']): Promise<Row> {
  const script = fileURLToPath(new URL('./store.child.ts', import.meta.url))
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fc-bench-store-'))
  const removeDataDir = removeOnExit(dataDir)
  const args = ['--import', 'tsx', script, String(plan.writers), String(plan.seconds), String(OFFERED_PER_SEC), dataDir]
  const child = spawnPinned(process.execPath, args, {
    // From the server package, so the store resolves its own dependencies (better-sqlite3) exactly as in production.
    cwd: serverDir,
    env: { LOG_LEVEL: 'silent' },
    label: 'store bench',
  })
  const code = await withTimeout(child.exited, plan.seconds * 2000 + 30_000, 'store bench')
    .catch(async (err: Error) => {
      await child.stop(0)
      throw err
    })
    .finally(removeDataDir)
  const line = child
    .tail()
    .split('\n')
    .find((l) => l.startsWith('RESULT '))
  if (code !== 0 || !line) throw new Error(`store bench failed (exit ${code}):\n${child.tail()}`)
  const r = JSON.parse(line.slice('RESULT '.length)) as Record<string, number | boolean | null>
  return {
    scenario: 'store-group-commit',
    server: 'ours',
    // Append → durable (committed) latency at the offered rate.
    p50Ms: typeof r.durableP50Ms === 'number' ? round(r.durableP50Ms) : null,
    p99Ms: typeof r.durableP99Ms === 'number' ? round(r.durableP99Ms) : null,
    updatesPerSec: r.persistedPerSec as number,
    acceptedPerSec: r.acceptedPerSec as number,
    offeredPerSec: r.offeredPerSec as number,
    writers: plan.writers,
    groupCommitMs: r.groupCommitMs as number,
    updatesPerCommit: r.updatesPerCommit as number | null,
    rowsExpected: r.rowsExpected as number,
    rowsFound: r.rowsFound as number,
    ...(r.rowsFound !== r.rowsExpected
      ? { error: `rows ${String(r.rowsFound)} != appended ${String(r.rowsExpected)}` }
      : {}),
  }
}
