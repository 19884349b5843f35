import {
  anchorClaim,
  BodyText,
  buildClaimReviews,
  buildReportMarkdown,
  buildDiscussionAnnotations,
  buildWebAnnotations,
  readAnchoredClaims,
  readClaims,
  suggestCheckworthy,
  uncoveredSuggestions,
  type ArticleMeta,
  type RefusedUrl,
  type TextRange,
} from '@fc/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type * as Y from 'yjs'
import { withDocument } from '../articles/doc-reader.js'
import type { Article } from '../domain/articles.js'
import { publishedReviews, reportReview } from '../domain/review/review-reads.js'
import { verdictScaleFor } from '../domain/verdict-labels.js'
import { getWorkspace, listMembers } from '../domain/workspaces.js'
import { log } from '../log.js'
import { articleAccess, requireArticleRole } from './access.js'
import type { ApiDeps } from './http.js'

const LD_JSON = 'application/ld+json; charset=utf-8'

/** Where people reach this app: PUBLIC_URL behind a proxy, else the request's own origin. */
function publicOrigin(c: Context, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin
}

/** The public page of an article in this app: annotation targets and review URLs point here. */
function articleMeta(c: Context, publicUrl: string | undefined, article: Article): ArticleMeta {
  const origin = publicOrigin(c, publicUrl)
  return {
    id: article.id,
    title: article.title,
    url: `${origin}/a/${article.id}`,
    ...(article.sourceUrl ? { sourceUrl: article.sourceUrl } : {}),
  }
}

/** Where one claim's review sits on the published fact-check: its `#claim-<id>` fragment. */
function claimUrl(publishedUrl: string, claimId: string): string {
  const url = new URL(publishedUrl)
  url.hash = `claim-${claimId}`
  return url.toString()
}

function downloadName(article: Article, ext: string): string {
  const slug =
    article.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'article'
  return `${slug}.${ext}`
}

/**
 * Exports of an article's fact-check, computed from the live document (mounted at
 * /api/articles, under api.ts' `articleGuard`, which has already admitted the caller).
 */
export function exportRoutes(deps: ApiDeps) {
  const { config, db, store, registry } = deps
  const publicUrl = config.server.publicUrl

  // Each export reads only what it needs: anchoring every claim costs a walk of the body.
  const read = <T>(article: Article, fn: (doc: Y.Doc) => T) => withDocument(registry, store, article.docId, fn)
  // Every export reads a claim's words from where it is anchored now, not from its stored quote.
  const claimsAndAnchors = (doc: Y.Doc) => {
    const { claims, anchors } = readAnchoredClaims(doc)
    return { claims, anchors }
  }

  const attachmentHeader = (c: Context, article: Article, ext: string) => {
    if (c.req.query('download') !== undefined)
      c.header('content-disposition', `attachment; filename="${downloadName(article, ext)}"`)
  }

  return (
    new Hono()
      // The approved claims of a published article; before the first publish nothing, except to an
      // editor's ?preview=1 (the approved claims, undated).
      .get('/:id/claimreview', async (c) => {
        const preview = c.req.query('preview') === '1'
        const { article } = preview ? requireArticleRole(c, 'editor') : articleAccess(c)
        const published = await publishedReviews(deps, article)
        attachmentHeader(c, article, 'claimreview.jsonld')
        if (!published.published && !preview) return c.body('[]', 200, { 'content-type': LD_JSON })
        const workspace = await getWorkspace(db, article.workspaceId)
        const claims = (await read(article, (doc) => readAnchoredClaims(doc).claims)).filter((claim) =>
          published.approved.has(claim.id),
        )
        const refused: RefusedUrl[] = []
        const reviews = buildClaimReviews(
          articleMeta(c, publicUrl, article),
          claims,
          await verdictScaleFor(db, article.workspaceId),
          {
            organization: { name: workspace?.name ?? 'Fact-check desk' },
            datePublished: published.factCheckPublishedAt,
            dateModified: (claim) => published.modifiedAt.get(claim.id),
            reviewUrl: (claim) => (published.publishedUrl ? claimUrl(published.publishedUrl, claim.id) : ''),
            onRefusedUrl: (r) => refused.push(r),
          },
        )
        if (refused.length > 0) {
          // Flagged, never emitted: a javascript:/data:/file: link must not reach a publisher.
          c.header('x-refused-evidence-urls', String(refused.length))
          log('claimreview export left out unsafe evidence URLs', { articleId: article.id, count: refused.length })
        }
        return c.body(JSON.stringify(reviews, null, 2), 200, { 'content-type': LD_JSON })
      })
      .get('/:id/report.md', async (c) => {
        const { article } = articleAccess(c)
        const { claims, anchors } = await read(article, claimsAndAnchors)
        // People by name: the workspace's members (the authorship fields are corrected to them by attribution).
        const members = await listMembers(db, article.workspaceId)
        const markdown = buildReportMarkdown(
          articleMeta(c, publicUrl, article),
          claims,
          await verdictScaleFor(db, article.workspaceId),
          {
            anchors,
            people: new Map(members.map((m) => [m.userId, m.name])),
            review: await reportReview(deps, article),
            generatedAt: new Date().toISOString(),
            // Members-only downloads (GET /api/attachments/:id): a reader needs access to the workspace.
            attachmentBaseUrl: `${publicOrigin(c, publicUrl)}/api/attachments`,
          },
        )
        attachmentHeader(c, article, 'report.md')
        return c.body(markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' })
      })
      .get('/:id/annotations', async (c) => {
        const { article } = articleAccess(c)
        const { claims, anchors, text } = await read(article, (doc) => {
          const { claims, anchors, body } = readAnchoredClaims(doc)
          return { claims, anchors, text: body.text }
        })
        const meta = articleMeta(c, publicUrl, article)
        const claimAnnotations = buildWebAnnotations(meta, claims, text, {
          anchors,
          scale: await verdictScaleFor(db, article.workspaceId),
        })
        // Each claim's discussion right after it: comments on the claim's annotation, replies on their thread's first.
        const people = new Map((await listMembers(db, article.workspaceId)).map((m) => [m.userId, m.name]))
        const annotations = claimAnnotations.flatMap((annotation, i) => [
          annotation,
          ...buildDiscussionAnnotations(meta, annotation.id, claims[i]!, people),
        ])
        attachmentHeader(c, article, 'annotations.jsonld')
        return c.body(JSON.stringify(annotations, null, 2), 200, { 'content-type': LD_JSON })
      })
      // The same list the article screen shows: sentences a claim already covers (the shared
      // `covers` rule) are left out, unless ?all=1 asks for every suggestion.
      .get('/:id/suggestions', async (c) => {
        const { article } = articleAccess(c)
        const all = c.req.query('all') === '1'
        const { text, claimed } = await read(article, (doc) => {
          const body = BodyText.of(doc)
          const ranges: TextRange[] = []
          if (!all) {
            for (const claim of readClaims(doc)) {
              const anchor = anchorClaim(doc, claim, body)
              if (anchor.status !== 'detached') ranges.push({ from: anchor.from, to: anchor.to })
            }
          }
          return { text: body.text, claimed: ranges }
        })
        return c.json(uncoveredSuggestions(suggestCheckworthy(text), claimed))
      })
  )
}
