/**
 * Similar-claim lookup at 10,000 claims: `npx tsx server/src/domain/similar/bench-similar.ts`.
 * Synthetic claims from templates (seeded), 200 articles of 50 claims; prints p50/p99 of
 * 1,000 lookups and the time to index everything.
 */
import { ClaimIndex, type IndexedClaim } from './claim-index.js'

let seed = 17
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

const WHO = [
  'The ministry',
  'The army',
  'A rebel spokesman',
  'The health office',
  'The statistics office',
  'The governor',
  'Police',
  'The central bank',
  'Aid workers',
  'The mayor',
]
const VERB = ['said', 'claimed', 'reported', 'announced', 'confirmed', 'denied']
const COUNT = ['12', 'eighty-four', '1,240', '3.5 million', 'forty', '27', 'two hundred', '60', '9', '312']
const THING = [
  'civilians were killed',
  'soldiers were wounded',
  'schools had closed',
  'jobs were created',
  'cases were confirmed',
  'homes were destroyed',
  'fighters were captured',
  'patients were treated',
  'bridges were repaired',
  'voters registered',
]
const PLACE = [
  'in Varesk',
  'in the north',
  'across the province',
  'in the capital',
  'near the border',
  'in Orlen',
  'in Kalt',
  'since January',
  'last year',
  'this month',
]
const sentence = () => `${pick(WHO)} ${pick(VERB)} that ${pick(COUNT)} ${pick(THING)} ${pick(PLACE)}.`

const index = new ClaimIndex()
const t0 = performance.now()
for (let a = 0; a < 200; a++) {
  const claims: IndexedClaim[] = []
  for (let c = 0; c < 50; c++)
    claims.push({ articleId: `a${a}`, articleTitle: `Article ${a}`, claimId: `c${a}-${c}`, quote: sentence() })
  index.setArticle(`a${a}`, claims)
}
const indexMs = performance.now() - t0
for (let i = 0; i < 50; i++) index.similar(sentence(), 'a0')
const times: number[] = []
for (let i = 0; i < 1000; i++) {
  const q = sentence()
  const s = performance.now()
  index.similar(q, `a${i % 200}`)
  times.push(performance.now() - s)
}
times.sort((x, y) => x - y)
console.log(
  `${index.size} claims indexed in ${indexMs.toFixed(0)} ms; lookup p50 ${times[500]!.toFixed(2)} ms, p99 ${times[990]!.toFixed(2)} ms`,
)
