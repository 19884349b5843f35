import { readClaims } from '@fc/shared'
import type * as Y from 'yjs'
import { withDocument } from '../../articles/doc-reader.js'
import type { RoomRegistry } from '../../collab/rooms.js'
import { listArticles, type Article } from '../articles.js'
import type { Db } from '../../storage/db.js'
import type { DocStore } from '../../storage/doc-store.js'
import { ClaimIndex, type IndexedClaim, type SimilarClaim } from './claim-index.js'

interface WorkspaceState {
  index: ClaimIndex
  /** What each indexed article was indexed as: its document and title. */
  articles: Map<string, { docId: string; title: string }>
}

/**
 * "Seen before": the claims of every article of a workspace, indexed for similarity.
 *
 * A workspace is read on first use (every article's claims, from the open room's live
 * document or from storage), then kept current: every update written through the
 * DocStore (sockets, imports, new articles) and every update applied to an open room's
 * document marks that document dirty, and the next lookup in its workspace re-reads just
 * the dirty documents. New and deleted articles are found by listing the workspace's
 * articles (one query) at each lookup, and so are renamed ones.
 */
export class WorkspaceClaims {
  private readonly workspaces = new Map<string, Promise<WorkspaceState>>()
  private readonly dirty = new Set<string>()
  /** Documents of the indexed workspaces: only their updates need noting (new articles are found by listing). */
  private readonly indexedDocs = new Set<string>()
  private readonly watchedDocs = new WeakSet<Y.Doc>()

  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    private readonly registry: RoomRegistry,
  ) {
    // Every durable update (sockets, imports, new articles) is queued in the store: note its document.
    store.onAppend((docId) => {
      if (this.indexedDocs.has(docId)) this.dirty.add(docId)
    })
  }

  /** Claims of the workspace's other articles most like `quote`, best first, at most `limit`. */
  async similar(article: Article, quote: string, limit = 10): Promise<SimilarClaim[]> {
    const state = await this.current(article.workspaceId)
    return state.index.similar(quote, article.id, limit)
  }

  private async current(workspaceId: string): Promise<WorkspaceState> {
    this.watchOpenRooms()
    let pending = this.workspaces.get(workspaceId)
    if (!pending) {
      pending = this.refresh({ index: new ClaimIndex(), articles: new Map() }, workspaceId)
      this.workspaces.set(workspaceId, pending)
      pending.catch(() => this.workspaces.delete(workspaceId))
      return pending
    }
    // One refresh at a time per workspace, each after the one before.
    const next = pending.then((state) => this.refresh(state, workspaceId))
    this.workspaces.set(workspaceId, next)
    next.catch(() => this.workspaces.delete(workspaceId))
    return next
  }

  /** Updates applied to a room's live document (from other instances too) mark it dirty. */
  private watchOpenRooms(): void {
    for (const [docId, room] of this.registry.openRooms) {
      if (this.watchedDocs.has(room.doc)) continue
      this.watchedDocs.add(room.doc)
      if (this.indexedDocs.has(docId)) this.dirty.add(docId)
      room.doc.on('update', () => {
        if (this.indexedDocs.has(docId)) this.dirty.add(docId)
      })
    }
  }

  private async refresh(state: WorkspaceState, workspaceId: string): Promise<WorkspaceState> {
    const listed = await listArticles(this.db, workspaceId)
    const ids = new Set(listed.map((a) => a.id))
    for (const id of state.index.articleIds()) {
      if (!ids.has(id)) {
        state.index.removeArticle(id)
        const gone = state.articles.get(id)
        if (gone) {
          this.indexedDocs.delete(gone.docId)
          this.dirty.delete(gone.docId)
        }
        state.articles.delete(id)
      }
    }
    const stale = listed.filter((a) => {
      const known = state.articles.get(a.id)
      return !known || known.title !== a.title || this.dirty.has(a.docId)
    })
    for (const a of stale) {
      // Cleared before the read: an update landing during it marks the document again.
      this.indexedDocs.add(a.docId)
      this.dirty.delete(a.docId)
      const claims = await withDocument(this.registry, this.store, a.docId, (doc) =>
        readClaims(doc).map(
          (c): IndexedClaim => ({
            articleId: a.id,
            articleTitle: a.title,
            claimId: c.id,
            quote: c.quote,
            ...(c.verdict ? { verdict: c.verdict } : {}),
          }),
        ),
      )
      state.index.setArticle(a.id, claims)
      state.articles.set(a.id, { docId: a.docId, title: a.title })
    }
    return state
  }
}
