import { commentThreads } from '../schema/threads.js'
import type { Claim, Comment } from '../schema/types.js'
import type { ArticleMeta } from './article.js'

/** A comment as a W3C Web Annotation on another annotation (its claim's, or its thread's first comment's). */
export interface DiscussionAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld'
  id: string
  type: 'Annotation'
  /** `commenting` for a thread's first comment, `replying` for a reply (the model's own motivations). */
  motivation: 'commenting' | 'replying'
  created?: string
  creator: { type: 'Person'; name: string }
  body: Array<{
    type: 'TextualBody'
    purpose: 'commenting' | 'replying' | 'tagging'
    value: string
    format: 'text/plain'
  }>
  /** The IRI of the annotation this one is about. */
  target: string
}

/**
 * A claim's discussion as annotations, the W3C way to thread: a thread's first comment targets the
 * claim's annotation (`claimAnnotationId`), each reply targets that first comment. A resolved
 * thread's first comment carries a `resolved` tag (the model has no resolve of its own).
 * `people` names authors (user id → name); an unknown author is shown as written.
 */
export function buildDiscussionAnnotations(
  article: ArticleMeta,
  claimAnnotationId: string,
  claim: Claim,
  people: ReadonlyMap<string, string> = new Map(),
): DiscussionAnnotation[] {
  const idOf = (comment: Comment) => `${article.url}#comment-${comment.id}`
  const one = (comment: Comment, target: string, reply: boolean, resolved: boolean): DiscussionAnnotation => {
    const purpose = reply ? 'replying' : 'commenting'
    const annotation: DiscussionAnnotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: idOf(comment),
      type: 'Annotation',
      motivation: purpose,
      creator: { type: 'Person', name: people.get(comment.author) ?? comment.author },
      body: [{ type: 'TextualBody', purpose, value: comment.text, format: 'text/plain' }],
      target,
    }
    if (resolved)
      annotation.body.push({ type: 'TextualBody', purpose: 'tagging', value: 'resolved', format: 'text/plain' })
    if (!Number.isNaN(Date.parse(comment.at))) annotation.created = comment.at
    return annotation
  }
  return commentThreads(claim.comments).flatMap((thread) => [
    one(thread.root, claimAnnotationId, false, thread.resolved),
    ...thread.replies.map((reply) => one(reply, idOf(thread.root), true, false)),
  ])
}
