import type { WindowStats } from '../support/watcher.js'

export interface Row {
  kind: string
  bound: string
  expected: string
  got: string
  frames: number
  stats: WindowStats
  note: string
  problems: string[]
}

/** A plain-text table, one line per row, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n')
}

export function statsCells(stats: WindowStats): string[] {
  return [
    `${stats.healthMaxMs} ms${stats.healthLate ? ` (${stats.healthLate}/${stats.healthProbes} late)` : ''}`,
    `${Number.isFinite(stats.editP99Ms) ? `${Math.round(stats.editP99Ms)} ms` : '∞'}${stats.editsLost ? ` (${stats.editsLost}/${stats.edits} lost)` : ''}`,
    `${Math.round(stats.rssStartMb)}→${Math.round(stats.rssPeakMb)} MB`,
    stats.load.toFixed(1),
  ]
}

export function offenderTable(rows: readonly Row[]): string {
  return table(
    ['offender', 'bound', 'expected', 'got', 'frames', 'health max', 'edit p99', 'RSS', 'load', 'result'],
    rows.map((r) => [
      r.kind,
      r.bound,
      r.expected,
      r.got,
      String(r.frames),
      ...statsCells(r.stats),
      r.problems.length ? `FAIL: ${r.problems.join('; ')}` : `pass${r.note ? ` (${r.note})` : ''}`,
    ]),
  )
}

/** What the honest side must have seen during a window; each entry is one broken promise. */
export function honestProblems(
  stats: WindowStats,
  maxRssMb: number,
  limits: { healthMs: number; editP99Ms: number },
): string[] {
  const problems: string[] = []
  if (stats.healthProbes === 0) problems.push('no health probe ran')
  if (stats.healthLate > 0)
    problems.push(`health not answered within ${limits.healthMs} ms ${stats.healthLate}× (max ${stats.healthMaxMs} ms)`)
  if (!(stats.editP99Ms <= limits.editP99Ms))
    problems.push(
      `honest edit p99 ${Number.isFinite(stats.editP99Ms) ? Math.round(stats.editP99Ms) : '∞'} ms > ${limits.editP99Ms} ms`,
    )
  if (stats.rssPeakMb > maxRssMb) problems.push(`RSS ${Math.round(stats.rssPeakMb)} MB > ${maxRssMb} MB`)
  return problems
}
