import type { ServerName } from './servers/types.js'

/**
 * One line of bench/results.json. The first fields are the stable contract (issue 5)
 * so any run compares with any other; the rest are extras that explain a number.
 */
export interface Row {
  scenario: string
  server: ServerName
  p50Ms: number | null
  p99Ms: number | null
  memPerConnKiB?: number
  memPerDocKiB?: number
  connections?: number
  p999Ms?: number
  drops?: number
  samples?: number
  rssMiB?: number
  error?: string
  note?: string
  [extra: string]: unknown
}
