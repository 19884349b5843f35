import * as Y from 'yjs'
import { log } from '../../log.js'
import type { Db } from '../../storage/db.js'
import type { ArticleOfDoc } from './article-docs.js'
import { saveVersion } from './version-store.js'

/** The longest a changing document goes without an `auto` version (the contract's 10 minutes). */
export const AUTO_VERSION_MS = 10 * 60 * 1000

interface Watched {
  /** Changed since the last auto version. */
  dirty: boolean
  timer: NodeJS.Timeout | undefined
}

/**
 * The server's own versions: one at most every AUTO_VERSION_MS while an article's document
 * changes here, and one when its last socket leaves if it changed since. Only changes sent by
 * this instance's sockets count (with Redis, the instance that received a change versions it).
 */
export class AutoVersions {
  private readonly watched = new Map<string, Watched>()
  private readonly saving = new Set<Promise<void>>()

  constructor(
    private readonly db: Db,
    private readonly articles: ArticleOfDoc,
    /** The open room's document, if the room is still open. */
    private readonly openDoc: (docId: string) => Y.Doc | undefined,
    private readonly intervalMs = AUTO_VERSION_MS,
  ) {}

  /** A socket of this instance changed the document. */
  changed(docId: string): void {
    let w = this.watched.get(docId)
    if (!w) {
      w = { dirty: false, timer: undefined }
      this.watched.set(docId, w)
    }
    w.dirty = true
    if (!w.timer) {
      w.timer = setTimeout(() => this.due(docId), this.intervalMs)
      w.timer.unref()
    }
  }

  private due(docId: string): void {
    const w = this.watched.get(docId)
    if (!w) return
    w.timer = undefined
    const doc = this.openDoc(docId)
    if (doc && w.dirty) this.save(docId, w, doc)
  }

  /** The room's last socket left, the document still loaded: a version if it changed. */
  async lastSocketLeft(docId: string, doc: Y.Doc): Promise<void> {
    const w = this.watched.get(docId)
    if (!w) return
    this.watched.delete(docId)
    if (w.timer) clearTimeout(w.timer)
    if (w.dirty) await this.save(docId, w, doc)
  }

  /** The state is encoded now, synchronously: what the version holds is the document at this moment. */
  private save(docId: string, w: Watched, doc: Y.Doc): Promise<void> {
    w.dirty = false
    const state = Y.encodeStateAsUpdate(doc)
    const job = this.articles
      .get(docId)
      .then((articleId) =>
        articleId ? saveVersion(this.db, { articleId, kind: 'auto', state }).then(() => undefined) : undefined,
      )
      .catch((err: unknown) => {
        // Not lost for good: the next change starts another window.
        log('auto version failed', { docId, error: String(err) })
      })
      .finally(() => this.saving.delete(job))
    this.saving.add(job)
    return job
  }

  /** Resolves once every version being written now is stored (shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled(Array.from(this.saving))
  }
}
