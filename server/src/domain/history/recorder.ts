import type * as Y from 'yjs'
import type { Access } from '../../collab/connection.js'
import type { Db } from '../../storage/db.js'
import { ArticleOfDoc } from './article-docs.js'
import { AutoVersions } from './auto-versions.js'
import { Visits } from './visits.js'

/** What history records from the rooms by itself: auto versions and visits (server.ts wires it). */
export class HistoryRecorder {
  private readonly articles: ArticleOfDoc
  private readonly versions: AutoVersions
  private readonly visits: Visits

  constructor(db: Db, openDoc: (docId: string) => Y.Doc | undefined) {
    this.articles = new ArticleOfDoc(db)
    this.versions = new AutoVersions(db, this.articles, openDoc)
    this.visits = new Visits(db, this.articles)
  }

  changed(docId: string): void {
    this.versions.changed(docId)
  }

  joined(docId: string, access: Access): void {
    if (access.userId) this.visits.joined(docId, access.userId)
  }

  left(docId: string, access: Access): void {
    if (access.userId) void this.visits.left(docId, access.userId)
  }

  /** The room's last socket left; its document is still loaded. */
  async closing(docId: string, doc: Y.Doc): Promise<void> {
    await this.versions.lastSocketLeft(docId, doc)
    this.articles.forget(docId)
  }

  settled(): Promise<void> {
    return this.versions.settled()
  }
}
