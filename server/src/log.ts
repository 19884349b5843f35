/** One line per event, so operators can grep; silent in benchmarks (LOG_LEVEL, set by main.ts). */
let silent = false

export function setLogSilent(value: boolean): void {
  silent = value
}

export function log(message: string, fields: Record<string, unknown> = {}): void {
  if (silent) return
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
    .join(' ')
  process.stderr.write(`${new Date().toISOString()} ${message}${extra ? ` ${extra}` : ''}\n`)
}
