export { isSafeHttpUrl } from './safe-url.js'
export type { ArticleMeta, RefusedUrl } from './article.js'
export { buildClaimReviews, type ClaimReview, type ClaimReviewOptions } from './claim-review.js'
export { buildReportMarkdown, type ReportOptions, type ReportReview } from './report.js'
export {
  buildWebAnnotations,
  codePointOffset,
  type WebAnnotation,
  type WebAnnotationOptions,
  type TextQuoteSelector,
  type TextPositionSelector,
  type TextualBody,
} from './annotations.js'
export { buildDiscussionAnnotations, type DiscussionAnnotation } from './discussion-annotations.js'
export { escapeInline, escapeLines, blockquote, autolink, codeSpan, markdownLink } from './markdown.js'
export { attachmentDownloadUrl, fileSizeLabel } from './report-attachments.js'
