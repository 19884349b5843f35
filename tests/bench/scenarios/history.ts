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

export const historyScenarios = (plan: Plan['history']): [string, string] => [
  `history-version-${plan.articleCopies}x-${plan.claims}claims`,
  `history-changes-${plan.articleCopies}x-${plan.claims}claims`,
]

/** Ours only: making a version of a large article, and the changes view between two (scenarios/history.child.ts). */
export async function history(plan: Plan['history']): Promise<Row[]> {
  const [versionRow, changesRow] = historyScenarios(plan)
  const script = fileURLToPath(new URL('./history.child.ts', import.meta.url))
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fc-bench-history-'))
  const removeDataDir = removeOnExit(dataDir)
  const args = ['--import', 'tsx', script, String(plan.articleCopies), String(plan.claims), String(plan.reps), dataDir]
  const child = spawnPinned(process.execPath, args, {
    cwd: serverDir,
    env: { LOG_LEVEL: 'silent' },
    label: 'history bench',
  })
  const code = await withTimeout(child.exited, 120_000, 'history bench')
    .catch(async (err: Error) => {
      await child.stop(0)
      throw err
    })
    .finally(removeDataDir)
  const line = child
    .tail()
    .split('\n')
    .find((l) => l.startsWith('RESULT '))
  if (code !== 0 || !line) throw new Error(`history bench failed (exit ${code}):\n${child.tail()}`)
  const r = JSON.parse(line.slice('RESULT '.length)) as Record<string, number>
  return [
    {
      scenario: versionRow,
      server: 'ours',
      p50Ms: round(r.makeP50Ms!),
      p99Ms: round(r.makeMaxMs!),
      versionRawBytes: r.largeRawBytes,
      versionStoredBytes: r.largeStoredBytes,
      seedVersionRawBytes: r.seedRawBytes,
      seedVersionStoredBytes: r.seedStoredBytes,
      snapshotBytes: r.snapshotBytes,
      gcOffDocBytes: r.gcOffDocBytes,
      gcOnDocBytes: r.gcOnDocBytes,
      note: 'p99 = slowest of the repetitions',
    },
    {
      scenario: changesRow,
      server: 'ours',
      p50Ms: round(r.changesP50Ms!),
      p99Ms: round(r.changesMaxMs!),
      warmP50Ms: round(r.changesWarmP50Ms!),
      textOps: r.textOps,
      claimChanges: r.claimChanges,
      note: 'p99 = slowest of the repetitions; cold: nothing kept from an earlier view; warmP50Ms: the same two versions viewed again',
    },
  ]
}
