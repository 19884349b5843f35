export * from './verdicts.js'
export * from './types.js'
export { ClaimSchemaError } from './errors.js'
export { BODY_KEY, CLAIMS_KEY, bodyFragment, claimsMap } from './doc-keys.js'
export { newId } from './ids.js'
export { encodeRelPos, decodeRelPos } from './rel-pos.js'
export {
  BodyText,
  BLOCK_SEPARATOR,
  HARD_BREAK_TEXT,
  EMBED_TEXT,
  getBodyText,
  plainTextRangeToRelative,
  type RangeSide,
} from './body-text.js'
export { writePlainTextBody } from './body-write.js'
export {
  bodyMarkAttributes,
  isSafeLinkHref,
  sameBodyMarks,
  FLAG_MARKS,
  LINK_MARK_DEFAULTS,
  type BodyMarks,
  type FlagMark,
} from './body-marks.js'
export { readClaim, readClaims, claimFromYMap, anchorableFromYMap } from './read.js'
export {
  addClaim,
  setClaimField,
  setStatus,
  setVerdict,
  clearVerdict,
  setClaimAnchor,
  removeClaim,
  type NewClaim,
  type EditableClaimField,
} from './claims.js'
export {
  addEvidence,
  updateEvidence,
  removeEvidence,
  addEvidenceAttachment,
  removeEvidenceAttachment,
  type NewEvidence,
  type EvidencePatch,
} from './evidence.js'
export { evidenceProblems, type EvidenceField, type EvidenceFields } from './evidence-kinds.js'
export { addComment, removeComment, setThreadResolved, type NewComment } from './comments.js'
export { commentThreads, type CommentThread } from './threads.js'
export {
  anchorClaim,
  anchorClaims,
  repairClaimAnchor,
  markClaimAtText,
  type AnchorResult,
  type AnchorableClaim,
  type ClaimMeta,
} from './anchor.js'
export { quoteAtAnchor, readAnchoredClaims, refreshClaimQuotes } from './live-quotes.js'
