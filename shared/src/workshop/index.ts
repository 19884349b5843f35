export {
  spanOverlap,
  matchClaims,
  DEFAULT_MATCH_THRESHOLD,
  type KeyClaim,
  type ParticipantClaim,
  type ClaimMatch,
} from './match.js'
export { krippendorffAlphaNominal, type Rating } from './alpha.js'
export {
  scoreParticipant,
  scoreWorkshop,
  type ParticipantScore,
  type WorkshopParticipant,
  type WorkshopResults,
  type ScoreOptions,
} from './score.js'
export { heatRuns, locateClaim, type HeatRun, type LocatableClaim } from './heatmap.js'
export { resultsCsv, csvCell, RESULTS_CSV_HEADER, type CsvResultRow } from './results-csv.js'
export { DEMO_ANSWER_KEY, DEMO_ARTICLE_TITLE } from './demo-key.js'
