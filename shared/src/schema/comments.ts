import * as Y from 'yjs'
import { newId } from './ids.js'
import { childArray, claimYMap, indexOfEntry, requireText } from './ymap-access.js'

export interface NewComment {
  author: string
  text: string
  /** Ids of the users mentioned in `text`; stored (deduplicated) only when there are any. */
  mentions?: readonly string[]
  /** ISO time; now when omitted. */
  at?: string
  id?: string
  /** The id of the comment this one answers (a reply in its thread). */
  replyTo?: string
}

/** Appends a comment to a claim's thread and returns its id. */
export function addComment(doc: Y.Doc, claimId: string, input: NewComment): string {
  requireText(input.author, 'author')
  requireText(input.text, 'text')
  const claim = claimYMap(doc, claimId)
  const id = input.id ?? newId()
  const entry = new Y.Map<unknown>()
  entry.set('id', id)
  entry.set('author', input.author)
  entry.set('text', input.text)
  entry.set('at', input.at ?? new Date().toISOString())
  const mentions = [...new Set(input.mentions ?? [])]
  for (const userId of mentions) requireText(userId, 'mention')
  if (mentions.length > 0) entry.set('mentions', mentions)
  if (input.replyTo !== undefined) {
    requireText(input.replyTo, 'replyTo')
    entry.set('replyTo', input.replyTo)
  }
  doc.transact(() => childArray(claim, 'comments').push([entry]))
  return id
}

/** Returns whether the comment was found and removed. */
export function removeComment(doc: Y.Doc, claimId: string, commentId: string): boolean {
  const comments = childArray(claimYMap(doc, claimId), 'comments')
  const index = indexOfEntry(comments, commentId)
  if (index === -1) return false
  doc.transact(() => comments.delete(index, 1))
  return true
}

/**
 * Marks a thread resolved (or reopens it): the fields live on the thread's first comment, as the
 * document schema says. `by` is the resolver's user id. Returns whether the comment was found.
 */
export function setThreadResolved(
  doc: Y.Doc,
  claimId: string,
  commentId: string,
  resolved: boolean,
  by: string,
  at = new Date().toISOString(),
): boolean {
  const comments = childArray(claimYMap(doc, claimId), 'comments')
  const index = indexOfEntry(comments, commentId)
  if (index === -1) return false
  const entry = comments.get(index)
  if (!(entry instanceof Y.Map)) return false
  requireText(by, 'by')
  doc.transact(() => {
    entry.set('resolved', resolved)
    entry.set('resolvedBy', by)
    entry.set('resolvedAt', at)
  })
  return true
}
