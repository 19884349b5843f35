export {
  suggestCheckworthy,
  scoreSentence,
  DEFAULT_MIN_SCORE,
  type Suggestion,
  type SuggestOptions,
  type SentenceScore,
} from './suggest.js'
export { SUGGESTION_REASONS, REASON_WEIGHTS, detectReasons, type SuggestionReason } from './features.js'
export { splitSentences } from './sentences.js'
export { covers, uncoveredSuggestions } from './coverage.js'
export { claimantInSentence, suggestClaimant } from './claimant.js'
export { modelScore, LEARNED_EXPLANATION, type ModelScore } from './model.js'
