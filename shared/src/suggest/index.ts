export { suggestCheckworthy, scoreSentence, DEFAULT_MIN_SCORE, type Suggestion, type SuggestOptions } from './suggest.js';
export { SUGGESTION_REASONS, REASON_WEIGHTS, detectReasons, type SuggestionReason } from './features.js';
export { splitSentences } from './sentences.js';
export { covers, uncoveredSuggestions } from './coverage.js';
export { modelScore, LEARNED_EXPLANATION, type ModelScore } from './model.js';
export { suggestClaimant } from './claimant.js';
