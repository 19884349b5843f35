import type { TestServer } from './server.js'

export interface HealthRecord {
  /** Health requests answered while watched. */
  answered: number
  /** The slowest answer, in ms (a request still open at stop() counts with its age). */
  slowestMs: number
  /** Answers other than 200. */
  failures: number
}

/**
 * Asks GET /api/health again and again, one request after another, until stop(): how slowly
 * the server answered while something else (a hostile import, a huge body) was going on.
 */
export function watchHealth(server: Pick<TestServer, 'httpUrl'>, pauseMs = 50): { stop(): Promise<HealthRecord> } {
  const record: HealthRecord = { answered: 0, slowestMs: 0, failures: 0 }
  let watching = true
  let askedAt = 0
  const loop = (async () => {
    while (watching) {
      askedAt = performance.now()
      const res = await fetch(`${server.httpUrl}/api/health`).catch(() => undefined)
      await res?.arrayBuffer()
      record.slowestMs = Math.max(record.slowestMs, performance.now() - askedAt)
      record.answered++
      if (res?.status !== 200) record.failures++
      askedAt = 0
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
  })()
  return {
    async stop() {
      watching = false
      if (askedAt !== 0) record.slowestMs = Math.max(record.slowestMs, performance.now() - askedAt)
      await loop
      return record
    },
  }
}
