import type { Page } from '@playwright/test'
import { card, expect, openDesk, screenshot, selectInArticle, signUpByApi, test } from './fixtures'
import { clickWords, drawnClaims, drawnClaimTexts, drawnNear, hoverWords, wordsBox } from './claim-text'

// Claims drawn with the CSS Custom Highlight API (issue 18): no element per claim in the
// text, and still a click on a claim's words opens it, the pointer on them points it, the
// open claim looks different, and typing inside a claim keeps its highlight on its words.

const EARLY = 'more than 80 members of Pakistani security forces were killed'
const LATE = 'making it a key actor in the province’s ongoing insurgency'

/** The pixels of the words' first line, as painted now. */
async function paintedWords(page: Page, words: string): Promise<Buffer> {
  const box = await wordsBox(page, words, { scroll: false })
  if (box === null) throw new Error(`"${words}" is not in the text`)
  return page.screenshot({
    clip: { x: box.left, y: box.top, width: Math.min(box.right - box.left, 200), height: box.bottom - box.top },
    animations: 'disabled',
  })
}

test('claim highlights without elements: click opens, hover points, the open one is distinct, an edit inside keeps the words', async ({
  browser,
}) => {
  const owner = await signUpByApi('Hana Lindqvist')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })
  const { page } = desk
  for (const words of [EARLY, LATE]) {
    await selectInArticle(page, words)
    await page.getByTestId('mark-claim').click()
    await expect(card(desk, words)).toHaveAttribute('data-open', 'true')
  }
  // Each drawn where it is (only claims near the window are drawn: scrolled to, each is).
  await expect.poll(() => drawnNear(page, EARLY)).toEqual([EARLY])
  await expect.poll(() => drawnNear(page, LATE)).toEqual([LATE])
  // The text's DOM carries no element per claim.
  await expect(desk.text.locator('[data-claim-id], .claim-hl')).toHaveCount(0)
  // The last one marked is open; closing its card leaves none open.
  await card(desk, LATE).locator('[data-claim-head]').click()
  await expect(card(desk, LATE)).toHaveAttribute('data-open', 'false')
  await expect.poll(async () => (await drawnClaims(page)).filter((c) => c.open)).toEqual([])

  // --- The open claim is painted differently: its words' pixels change when it opens --------
  await page.mouse.move(2, 2)
  await expect.poll(() => drawnNear(page, LATE)).toEqual([LATE])
  const closed = await paintedWords(page, LATE)
  await card(desk, LATE).locator('[data-claim-head]').click()
  await expect(card(desk, LATE)).toHaveAttribute('data-open', 'true')
  await expect.poll(async () => (await drawnClaims(page)).filter((c) => c.open).map((c) => c.text)).toEqual([LATE])
  await expect.poll(async () => (await paintedWords(page, LATE)).equals(closed)).toBe(false)
  await card(desk, LATE).locator('[data-claim-head]').click()
  await expect.poll(async () => (await paintedWords(page, LATE)).equals(closed)).toBe(true)

  // --- A click on a claim's words opens its card ------------------------------------------
  await clickWords(page, 'Pakistani security forces')
  await expect(card(desk, EARLY)).toHaveAttribute('data-open', 'true')
  await expect.poll(async () => (await drawnClaims(page)).filter((c) => c.open).map((c) => c.text)).toEqual([EARLY])
  await screenshot(page, 'claim-highlights-open-from-text')

  // --- The pointer on a claim's words points it: a popover, and the pointed look ----------
  await hoverWords(page, 'ongoing insurgency')
  await expect(page.getByTestId('claim-popover')).toContainText(LATE)
  await expect.poll(async () => (await drawnClaims(page)).filter((c) => c.pointed).map((c) => c.text)).toEqual([LATE])
  await screenshot(page, 'claim-highlights-hover')
  // Off the words: neither.
  const box = (await wordsBox(page, LATE, { scroll: false }))!
  await page.mouse.move(box.left - 2, box.top - 60)
  await expect(page.getByTestId('claim-popover')).toBeHidden()
  await expect.poll(async () => (await drawnClaims(page)).filter((c) => c.pointed)).toEqual([])

  // --- Typing inside a claim: its highlight grows with the words, the other stays put -------
  await selectInArticle(page, 'Pakistani')
  await page.keyboard.press('ArrowRight')
  // Highlights are not seen by screen readers: the caret entering a claim is said aloud.
  await expect(page.getByTestId('claim-caret-live')).toHaveText(`In claim: “${EARLY}”, no verdict, open`)
  await page.keyboard.type(' armed')
  const grown = EARLY.replace('Pakistani', 'Pakistani armed')
  await expect.poll(() => drawnClaimTexts(page)).toEqual([grown])
  for (let i = 0; i < ' armed'.length; i++) await page.keyboard.press('Backspace')
  await expect.poll(() => drawnClaimTexts(page)).toEqual([EARLY])
  // Typing before both claims, in another paragraph, moves neither off its words.
  await selectInArticle(page, 'The Baloch Liberation Army')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('Update: ')
  await expect(desk.text).toContainText('Update: The Baloch Liberation Army')
  await expect.poll(() => drawnNear(page, EARLY)).toEqual([EARLY])
  await expect.poll(() => drawnNear(page, LATE)).toEqual([LATE])
  await desk.close()
})
