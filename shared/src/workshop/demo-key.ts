import type { VerdictId } from '../schema/verdicts.js'

/** The title of the demo article every new account's first workspace gets (server/src/articles/demo.ts). */
export const DEMO_ARTICLE_TITLE = 'BLA claims 84 security personnel killed in “Operation Herof Phase II”'

/**
 * A ready-made answer key for the demo article, so a trainer can run a first workshop in a
 * minute: the check-worthy claims of the seed text, word for word, with the verdict a desk
 * would give them on what the article itself says and a rationale for the debrief.
 */
export const DEMO_ANSWER_KEY: ReadonlyArray<{ quote: string; verdict: VerdictId; rationale: string }> = [
  {
    quote: 'the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded',
    verdict: 'unproven',
    rationale:
      'The only source is the militant group’s own statement; the article notes no official figures were released.',
  },
  {
    quote: 'It also claimed to have taken 18 personnel captive',
    verdict: 'unproven',
    rationale: 'Reported by NDTV from the BLA statement alone; nobody independent confirmed captives.',
  },
  {
    quote: 'it seized or destroyed more than 30 government-linked facilities',
    verdict: 'unproven',
    rationale: 'A claim by the group; the videos circulating could not be authenticated or placed.',
  },
  {
    quote: 'The group said seven of its fighters were killed during the clashes',
    verdict: 'unproven',
    rationale: 'The group’s own count of its losses: plausible, but no second source.',
  },
  {
    quote: 'The announcement, made on January 31',
    verdict: 'true',
    rationale: 'The date of the statement is documented by several outlets quoting it.',
  },
  {
    quote: 'Balochistan, Pakistan’s largest but least populated province',
    verdict: 'true',
    rationale:
      'Checkable background: largest by area (about 44% of the country), with the smallest population of the four provinces.',
  },
]
