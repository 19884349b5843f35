import type { Comment } from './types.js'

/** One thread of a claim's discussion: its first comment and the replies to it, oldest first. */
export interface CommentThread {
  root: Comment
  replies: Comment[]
  /** The root's `resolved` (only a thread's first comment carries it). */
  resolved: boolean
}

/**
 * A claim's comments as threads, in the order their first comments were written. One level of
 * threading: a reply to a reply joins the thread of the comment it answers. A reply that names no
 * earlier comment of the claim (its thread's first comment deleted, or garbage) starts a thread of
 * its own, so nothing anyone wrote disappears from the discussion, and no cycle can form.
 */
export function commentThreads(comments: readonly Comment[]): CommentThread[] {
  const threads: CommentThread[] = []
  const threadOf = new Map<string, CommentThread>()
  for (const comment of comments) {
    if (threadOf.has(comment.id)) continue
    const answered = comment.replyTo === undefined ? undefined : threadOf.get(comment.replyTo)
    if (answered !== undefined) {
      answered.replies.push(comment)
      threadOf.set(comment.id, answered)
      continue
    }
    const thread: CommentThread = { root: comment, replies: [], resolved: comment.resolved === true }
    threadOf.set(comment.id, thread)
    threads.push(thread)
  }
  return threads
}
