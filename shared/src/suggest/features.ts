/**
 * Signals that a sentence states something checkable. Each detector is a plain regular
 * expression so scores are deterministic and explainable: the reasons name what was found.
 */

export const SUGGESTION_REASONS = [
  'percentage',
  'number',
  'quantity',
  'attribution',
  'superlative',
  'date',
  'comparison',
] as const

export type SuggestionReason = (typeof SUGGESTION_REASONS)[number]

/**
 * How much each signal adds to a score (summed, capped at 1). Numbers and attributions
 * weigh most: "X said N people died" is the archetypal check-worthy statement.
 */
export const REASON_WEIGHTS: Readonly<Record<SuggestionReason, number>> = {
  percentage: 0.35,
  number: 0.3,
  quantity: 0.25,
  attribution: 0.3,
  superlative: 0.3,
  date: 0.15,
  comparison: 0.1,
}

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.'
const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'

const NUMBER_WORD =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|' +
  'eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|' +
  'dozens?|half|twice|double|triple'
const NUMERAL = `(?:\\d[\\d,]*(?:\\.\\d+)?|\\b(?:${NUMBER_WORD})\\b)`

const UNIT =
  // magnitudes and money
  'thousand|million|billion|trillion|bn|dollars?|euros?|pounds?|rupees?|yuan|usd|eur|gbp|' +
  // measures
  'km|kilometres?|kilometers?|miles?|metres?|meters?|kg|kilograms?|tonnes?|tons?|litres?|liters?|barrels?|mph|degrees?|acres?|hectares?|' +
  // time
  'seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|' +
  // counted people and things
  'people|persons?|members?|personnel|troops|soldiers|fighters|militants|civilians|officers|police(?:men)?|casualties|deaths|' +
  'dead|victims|injured|wounded|residents|voters|workers|jobs|cases|patients|children|students|vehicles|facilities|attacks|' +
  'buildings|homes|households|districts|villages|countries|votes|seats'

/** Dates are removed before counting numbers, so "January 31" is a date, not a number. */
const DATE = new RegExp(
  `\\b(?:(?:${MONTH})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})(?:,?\\s+\\d{4})?|` +
    `${WEEKDAY}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|(?:in|since|by|until|from|of)\\s+(?:1[89]\\d\\d|20\\d\\d)s?)\\b`,
  'g',
)

/**
 * "claim", "claims", "reports" and "states" are verbs of attribution ("the group claims…")
 * as often as nouns ("lending context to the claims", "the latest reports", "the United
 * States"). After a determiner, a possessive ("the BLA’s claims") or a typical adjective
 * they are nouns: no one is being quoted, so they are no reason to check the sentence.
 */
const NOUN_LEAD =
  'the|a|an|its|their|his|her|our|your|my|these|those|this|such|any|all|of|latest|recent|new|earlier|previous|initial|' +
  'unverified|official|united'

const DETECTORS: ReadonlyArray<[SuggestionReason, RegExp]> = [
  ['percentage', /\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percentage points?\b)/i],
  ['number', new RegExp(NUMERAL, 'i')],
  // A numeral followed, within three words, by a unit ("84 Pakistani security personnel"),
  // or a currency sign before a numeral.
  ['quantity', new RegExp(`(?:${NUMERAL}(?:\\s+[\\p{L}-]+){0,3}?\\s*\\b(?:${UNIT})\\b|[$€£¥₹]\\s?\\d)`, 'iu')],
  [
    'attribution',
    new RegExp(
      '\\b(?:said|says|say|told|claimed|alleg(?:e|es|ed|edly|ing)|reported|according to|stated|assert(?:s|ed|ing)|announc(?:ed|es)|declared|insist(?:s|ed)|acknowledg(?:ed|es)|confirm(?:s|ed)|denie[sd])\\b|' +
        `(?<!(?:\\b(?:${NOUN_LEAD})|\\p{L}['’]s)\\s+)\\b(?:claims?|reports|states)\\b`,
      'iu',
    ),
  ],
  [
    'superlative',
    /\b(?:most|least|largest|biggest|greatest|highest|lowest|smallest|longest|shortest|fastest|deadliest|worst|best|strongest|weakest|richest|poorest|oldest|youngest|first-ever|all-time|record|unprecedented)\b/i,
  ],
  [
    'comparison',
    new RegExp(
      `\\b(?:(?:more|less|fewer)\\s+than|over|under|nearly|almost|at\\s+least|up\\s+to|about|around|roughly)\\s+${NUMERAL}|\\b(?:doubled|tripled|halved|surged|plunged|soared)\\b`,
      'i',
    ),
  ],
]

/** The reasons present in one sentence, in a fixed order. */
export function detectReasons(sentence: string): SuggestionReason[] {
  const found = new Set<SuggestionReason>()
  DATE.lastIndex = 0
  if (DATE.test(sentence)) found.add('date')
  const undated = sentence.replace(DATE, (date) => ' '.repeat(date.length))
  for (const [reason, pattern] of DETECTORS) {
    if (pattern.test(undated)) found.add(reason)
  }
  return SUGGESTION_REASONS.filter((reason) => found.has(reason))
}
