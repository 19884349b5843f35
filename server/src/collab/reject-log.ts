import { log } from '../log.js'

/**
 * Log lines for refused frames and sockets, at a bounded rate: the first `lines` of each
 * window one by one, the rest counted into one summary line when the window ends. A client
 * sending junk in a loop must not be able to fill the disk or drown the log.
 */
export class RejectLog {
  private windowStart = 0
  private logged = 0
  private suppressed = 0
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly lines: number,
    private readonly windowMs: number,
  ) {}

  note(message: string, fields: Record<string, unknown>): void {
    const now = Date.now()
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now
      this.logged = 0
    }
    if (this.logged < this.lines) {
      this.logged++
      log(message, fields)
      return
    }
    this.suppressed++
    if (!this.timer) {
      this.timer = setTimeout(() => this.summarize(), this.windowStart + this.windowMs - now)
      this.timer.unref()
    }
  }

  private summarize(): void {
    this.timer = undefined
    log('refused socket frames not logged one by one', { count: this.suppressed, windowMs: this.windowMs })
    this.suppressed = 0
  }
}
