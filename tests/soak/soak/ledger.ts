import * as Y from 'yjs'
import type { Edit } from './edits.js'

/** An edit, and whether another client had received it (through the server) when it was judged. */
export interface Entry extends Edit {
  docIndex: number
  acknowledged: boolean
  /** Its author left for good: only the server (and storage) can still owe it. */
  authorLeft: boolean
}

/** Whether `doc` holds the struct that ends the edit. */
export function holds(doc: Y.Doc, edit: Pick<Edit, 'client' | 'clock'>): boolean {
  return Y.getState(doc.store, edit.client) > edit.clock
}

/**
 * Every edit of the soak. "Acknowledged" is judged honestly, from what clients saw and
 * not from what the server says: an edit is acknowledged once a different client of its
 * document holds it, which it can only have received from the server (no BroadcastChannel),
 * so the server had applied and relayed it. Edits of a client that leaves for good are
 * judged when it leaves (the rest of its edits are legitimately lost with it); edits of
 * clients still there at the end are judged then.
 */
export class Ledger {
  private readonly open = new Map<Y.Doc, { docIndex: number; edits: Edit[] }>()
  readonly judged: Entry[] = []

  record(doc: Y.Doc, docIndex: number, edit: Edit): void {
    const author = this.open.get(doc) ?? { docIndex, edits: [] }
    author.edits.push(edit)
    this.open.set(doc, author)
  }

  /** Judges the author's edits against the other clients of its document now. */
  judge(doc: Y.Doc, others: readonly Y.Doc[], authorLeft = false): void {
    const author = this.open.get(doc)
    if (!author) return
    this.open.delete(doc)
    for (const edit of author.edits) {
      const acknowledged = others.some((other) => other !== doc && holds(other, edit))
      this.judged.push({ ...edit, docIndex: author.docIndex, acknowledged, authorLeft })
    }
  }

  get recorded(): number {
    let n = this.judged.length
    for (const author of this.open.values()) n += author.edits.length
    return n
  }
}
