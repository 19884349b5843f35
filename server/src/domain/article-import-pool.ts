import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ArticleBody, BodyFormat } from './article-import.js'
import type { ImportAnswer } from './article-import-thread.js'
import { DomainError } from './errors.js'

/** How much of the server one import may take (config/index.ts: the IMPORT_* variables). */
export interface ImportBudget {
  /** Longest a body may take to parse and encode; past it the worker is terminated and the import refused (413). */
  timeoutMs: number
  /** Imports parsed at once, each on its own worker thread. */
  concurrency: number
  /** Imports waiting for a worker; past it the import is refused (429). */
  queueMax: number
  /** Heap of one worker; a body whose parse needs more is refused (413). */
  heapMb: number
}

export interface ParsedBody {
  format: BodyFormat
  /** The new document's first update, holding the body; absent when the body has no blocks. */
  update?: Uint8Array
}

const WORKER_URL = new URL('./article-import-worker.mjs', import.meta.url)
// The thread's code sits next to this file: .ts under tsx (tests, `pnpm dev`), .js in the compiled dist.
const EXTENSION = path.extname(fileURLToPath(import.meta.url))
const THREAD = {
  entry: new URL(`./article-import-thread${EXTENSION}`, import.meta.url).href,
  typescript: EXTENSION === '.ts',
}
/** An idle worker is kept this long for the next import, then its thread and heap are given back. */
const IDLE_MS = 30_000

/**
 * Parses article bodies and encodes them as documents on worker threads. The Markdown and HTML
 * parsers have inputs they take minutes over (marked is quadratic in runs of `*a `), and so
 * does encoding hundreds of thousands of blocks: on the event loop that froze every room and
 * request of the server. Here a job that outlives the budget is terminated with its thread, at
 * most `concurrency` run at once (each bounded in heap), and a few more wait.
 */
export class ArticleImportPool {
  private running = 0
  private readonly waiting: Array<() => void> = []
  private readonly idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = []

  constructor(private readonly budget: ImportBudget) {}

  async parse(body: ArticleBody): Promise<ParsedBody> {
    const field = (['text', 'markdown', 'html'] as const).find((k) => typeof body[k] === 'string')
    if (field === undefined) return { format: 'empty' }
    await this.acquire()
    try {
      return await this.run(field, body)
    } finally {
      this.release()
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.budget.concurrency) {
      this.running++
      return Promise.resolve()
    }
    if (this.waiting.length >= this.budget.queueMax) {
      return Promise.reject(
        new DomainError('rate_limited', 'too many article imports in progress; try again in a moment'),
      )
    }
    // release() hands its slot straight to the first waiter: `running` stays as it is.
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
  }

  private async run(field: string, body: ArticleBody): Promise<ParsedBody> {
    const worker = this.takeIdle() ?? (await this.spawn())
    worker.ref()
    const answer = await new Promise<ImportAnswer>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer)
        worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      }
      const onMessage = (m: ImportAnswer): void => {
        settle()
        resolve(m)
      }
      const onError = (err: Error & { code?: string }): void => {
        settle()
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DomainError('too_large', `${field}: too large to import (needs more than ${this.budget.heapMb} MB)`)
            : err,
        )
      }
      const onExit = (): void => {
        settle()
        reject(new Error('article import worker exited'))
      }
      const timer = setTimeout(() => {
        settle()
        void worker.terminate()
        reject(
          new DomainError(
            'too_large',
            `${field}: too complex to import within ${this.budget.timeoutMs} ms (simplify its formatting or split it)`,
          ),
        )
      }, this.budget.timeoutMs)
      worker.on('message', onMessage).once('error', onError).once('exit', onExit)
      worker.postMessage(body)
    })
    if ('error' in answer) {
      // A parser that threw may have left its module state half-way: this thread is not reused.
      void worker.terminate()
      throw new DomainError('invalid', `${field}: ${answer.error}`)
    }
    this.keepIdle(worker)
    return answer
  }

  /** A new worker, once it has loaded the parsers (the budget is for parsing, not for starting a thread). */
  private spawn(): Promise<Worker> {
    const worker = new Worker(WORKER_URL, {
      workerData: THREAD,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.heapMb },
    })
    // A worker that dies while idle is not handed the next import; its failure is the import's
    // that was waiting on it (run), never an unhandled 'error' of the server.
    worker.on('error', () => {}).once('exit', () => this.forget(worker))
    return new Promise((resolve, reject) => {
      const onExit = (code: number): void =>
        reject(new Error(`article import worker exited with ${code} while starting`))
      worker.once('error', reject).once('exit', onExit)
      worker.once('message', () => {
        worker.off('error', reject).off('exit', onExit)
        resolve(worker)
      })
    })
  }

  private takeIdle(): Worker | undefined {
    const kept = this.idle.pop()
    if (!kept) return undefined
    clearTimeout(kept.timer)
    return kept.worker
  }

  private keepIdle(worker: Worker): void {
    // Unreferenced while idle: a kept worker never holds a finished process open.
    worker.unref()
    const timer = setTimeout(() => void worker.terminate(), IDLE_MS)
    timer.unref()
    this.idle.push({ worker, timer })
  }

  private forget(worker: Worker): void {
    const at = this.idle.findIndex((kept) => kept.worker === worker)
    if (at === -1) return
    clearTimeout(this.idle[at]!.timer)
    this.idle.splice(at, 1)
  }
}
