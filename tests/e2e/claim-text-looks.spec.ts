import type { Browser } from '@playwright/test'
import type { VerdictId } from '@fc/shared'
import { card, expect, openDesk, screenshot, selectInArticle, signUpByApi, test, type Desk } from './fixtures'
import { commonestColour, contrast, drawnClaims, drawnOverlaps, wordsBox, type Rgb } from './claim-text'
import { markClaims, seedArticle, type SeededClaim } from './many-claims'

// How claims look in the text (claimPainter.ts, editor.css): the popover comes back after a
// scroll, words shared by two claims of one verdict are drawn darker (only near the window),
// and the open claim stands out against the page and against any verdict's tint.

const SHARED = 'coordinated attacks across Pakistan’s Balochistan province'
const OUTER = `sweeping series of ${SHARED}`
const CROSSING = `${SHARED}, asserting that more than 80`
const RED = 'The announcement, made on January 31'
const RED_OPEN = 'has drawn attention to the persistent volatility in the region'
const VIOLET = 'the operation unfolded over nearly ten hours'
const VIOLET_OPEN = 'spanned several districts, with multiple targets struck almost simultaneously'
const REPEATS = 12

interface Planned {
  words: string
  nth: number
  verdict: VerdictId
}

const PLANNED: Planned[] = [
  { words: OUTER, nth: 0, verdict: 'false' },
  { words: CROSSING, nth: 0, verdict: 'false' },
  { words: RED, nth: 0, verdict: 'false' },
  { words: RED_OPEN, nth: 0, verdict: 'false' },
  { words: VIOLET, nth: 0, verdict: 'misleading' },
  { words: VIOLET_OPEN, nth: 0, verdict: 'misleading' },
  // The same overlap at the end of the article: drawn only once scrolled to.
  { words: OUTER, nth: REPEATS - 1, verdict: 'mostly-false' },
  { words: CROSSING, nth: REPEATS - 1, verdict: 'mostly-false' },
]

function at(text: string, words: string, nth: number): { from: number; to: number } {
  let from = -1
  for (let i = 0; i <= nth; i++) from = text.indexOf(words, from + 1)
  expect(from, words).toBeGreaterThanOrEqual(0)
  return { from, to: from + words.length }
}

async function setUp(browser: Browser): Promise<{
  desk: Desk
  claims: SeededClaim[]
}> {
  const owner = await signUpByApi('Looks Owner')
  const article = await seedArticle(owner, 'Operation Herof, looks', REPEATS)
  const claims = await markClaims(
    article,
    owner.userId,
    (text) => PLANNED.map((p) => at(text, p.words, p.nth)),
    (i) => ({ verdict: PLANNED[i]!.verdict }),
  )
  const desk = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })
  await expect(desk.sidebar.getByTestId('claim-card')).toHaveCount(PLANNED.length)
  return { desk, claims }
}

/** The box of the words' first line, scrolled to the middle of the window. */
async function boxOf(desk: Desk, words: string, scroll = true) {
  const box = await wordsBox(desk.page, words, { scroll })
  if (box === null) throw new Error(`"${words}" is not in the text`)
  return box
}

test('after a scroll hides the claim popover, moving on the same words brings it back', async ({ browser }) => {
  const { desk } = await setUp(browser)
  const { page } = desk
  const popover = page.getByTestId('claim-popover')
  const box = await boxOf(desk, RED)
  await page.mouse.move(box.left + 30, (box.top + box.bottom) / 2)
  await expect(popover).toBeVisible()
  await expect(popover).toContainText(RED)

  // A small scroll: the words move under the pointer and the popover goes.
  await page.mouse.wheel(0, 8)
  await expect(popover).toBeHidden()
  // Still on the same claim's words, the pointer moves a little: the popover is back.
  const moved = await boxOf(desk, RED, false)
  await page.mouse.move(moved.left + 60, (moved.top + moved.bottom) / 2, { steps: 3 })
  await expect(popover).toBeVisible()
  await expect(popover).toContainText(RED)
  await expect.poll(async () => (await drawnClaims(page)).filter((c) => c.pointed).map((c) => c.text)).toEqual([RED])
  await desk.close()
})

test('after a scroll hides the caret’s popover, moving the caret inside the same claim brings it back', async ({
  browser,
}) => {
  const { desk } = await setUp(browser)
  const { page } = desk
  const popover = page.getByTestId('claim-popover')
  // The caret inside the claim's words (from the keyboard side: a selection collapsed into it).
  await boxOf(desk, RED)
  await selectInArticle(page, 'made on January')
  await page.keyboard.press('ArrowLeft')
  await expect(popover).toBeVisible()
  await expect(popover).toContainText(RED)

  // The wheel turned over the page's margin, away from any claim.
  await page.mouse.move(20, 450)
  await page.mouse.wheel(0, 8)
  await expect(popover).toBeHidden()
  // One step along inside the same claim: the popover is back.
  await page.keyboard.press('ArrowRight')
  await expect(popover).toBeVisible()
  await expect(popover).toContainText(RED)
  await desk.close()
})

test('overlapping claims of one verdict: the shared words are darker, near the window only, and follow typing', async ({
  browser,
}) => {
  const { desk } = await setUp(browser)
  const { page } = desk
  await page.mouse.move(2, 2)
  await boxOf(desk, OUTER)
  await expect.poll(() => drawnOverlaps(page)).toEqual([SHARED])

  // Pixels: the shared words' background is darker than the words only the outer claim covers.
  const outerOnly = await commonestColour(page, await boxOf(desk, 'sweeping series of', false))
  const shared = await commonestColour(page, await boxOf(desk, SHARED, false))
  expect(outerOnly).not.toEqual(shared)
  expect(contrast(shared, [255, 255, 255])).toBeGreaterThan(contrast(outerOnly, [255, 255, 255]) * 1.12)
  await screenshot(page, 'claim-overlap-top')

  // The overlap at the end of the article is drawn once the window is there, the first one no longer.
  expect(await wordsBox(page, SHARED, { nth: REPEATS - 1 })).not.toBeNull()
  await expect.poll(() => drawnOverlaps(page)).toEqual([SHARED])
  await expect
    .poll(async () => (await drawnClaims(page)).filter((c) => c.text === OUTER).map((c) => c.verdict))
    .toEqual(['claim-mostly-false'])

  // Typing inside the shared words: the overlap takes the letters in.
  await boxOf(desk, OUTER)
  await expect.poll(() => drawnOverlaps(page)).toEqual([SHARED])
  await selectInArticle(page, 'Balochistan province, asserting')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('xy')
  await expect.poll(() => drawnOverlaps(page)).toEqual([SHARED.replace('Balochistan', 'xyBalochistan')])
  await desk.close()
})

test('the open claim stands out against the page and against its verdict’s tint, red and violet alike', async ({
  browser,
}) => {
  const { desk } = await setUp(browser)
  const { page } = desk
  await page.mouse.move(2, 2)
  const page0 = await commonestColour(page, await boxOf(desk, 'The BLA said its fighters hit police stations'))
  expect(contrast(page0, [255, 255, 255])).toBeLessThan(1.05)

  const measured: Record<string, { open: Rgb; closed: Rgb }> = {}
  for (const [closedWords, openWords] of [
    [RED, RED_OPEN],
    [VIOLET, VIOLET_OPEN],
  ] as const) {
    const head = card(desk, openWords).locator('[data-claim-head]')
    await head.click()
    await expect(card(desk, openWords)).toHaveAttribute('data-open', 'true')
    await expect
      .poll(async () => (await drawnClaims(page)).filter((c) => c.open).map((c) => c.text))
      .toEqual([openWords])
    await page.mouse.move(2, 2)
    const open = await commonestColour(page, await boxOf(desk, openWords))
    const closed = await commonestColour(page, await boxOf(desk, closedWords, false))
    measured[openWords] = { open, closed }
    await screenshot(page, `claim-open-${closedWords === RED ? 'red' : 'violet'}`)
    // Clearly unlike the page and the same verdict's closed claims (3:1, as a state of a control must be).
    expect(contrast(open, page0), `${openWords}: open ${open} vs page ${page0}`).toBeGreaterThanOrEqual(3)
    expect(contrast(open, closed), `${openWords}: open ${open} vs closed ${closed}`).toBeGreaterThanOrEqual(3)
    // And the words on it still read (4.5:1 against the darkest ink).
    expect(contrast(open, [18, 21, 28])).toBeGreaterThanOrEqual(4.5)
  }
  // The same open look over either verdict.
  expect(measured[RED_OPEN]!.open).toEqual(measured[VIOLET_OPEN]!.open)
  await desk.close()
})
