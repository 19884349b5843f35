import type { Page } from '@playwright/test'
import { type Desk, expect, openDesk, screenshot, selectInArticle, signUpByApi, test } from './fixtures'
import { clickWords, expectDrawn, wordsBox } from './claim-text'

// Half a laptop screen and a phone: a claim opened from the text shows beside or over the
// text, the text stays where it was, and the card's quote is not under the sticky tabs.
const EARLY = 'more than 80 members of Pakistani security forces were killed'
const LATE = 'making it a key actor in the province’s ongoing insurgency'

async function mark(desk: Desk, words: string) {
  await selectInArticle(desk.page, words)
  await desk.page.getByTestId('mark-claim').click()
  await expectDrawn(desk.page, words)
}

/** The highlight of `words` scrolled to the middle of the window, then clicked; the page's scroll before and after. */
async function clickHighlight(page: Page, words: string): Promise<{ before: number; after: number }> {
  await wordsBox(page, words) // scrolls the words to the middle of the window
  const before = await page.evaluate(() => window.scrollY)
  await clickWords(page, words)
  await page.waitForTimeout(400)
  return { before, after: await page.evaluate(() => window.scrollY) }
}

/** The open card's quote is inside the window and nothing covers its first line. */
async function expectQuoteInSight(page: Page, words: string) {
  const quote = page.getByTestId('claim-card').filter({ hasText: words }).getByTestId('claim-quote')
  await expect(quote).toBeInViewport({ ratio: 1 })
  const covered = await quote.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const top = document.elementFromPoint(box.left + 4, box.top + 4)
    return top === null || !el.contains(top)
  })
  expect(covered, 'the first line of the quote is covered by something').toBe(false)
}

test('at 1024 px the claim opens beside the text, which stays put; the panel collapses and comes back', async ({
  browser,
}) => {
  const owner = await signUpByApi('Ines Duarte')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id, { width: 1024, height: 768 })
  await mark(desk, EARLY)
  await mark(desk, LATE)
  await desk.page.keyboard.press('Escape')

  const { before, after } = await clickHighlight(desk.page, LATE)
  expect(Math.abs(after - before)).toBeLessThan(4)
  const panel = desk.page.getByTestId('side-panel')
  const [textBox, panelBox] = [await desk.text.boundingBox(), await panel.boundingBox()]
  expect(panelBox!.x).toBeGreaterThanOrEqual(textBox!.x + textBox!.width)
  await expectQuoteInSight(desk.page, LATE)
  await screenshot(desk.page, 'article-1024-claim-open')

  // Collapsed, the text takes the width; opening a claim from the text brings the panel back.
  await desk.page.getByTestId('side-panel-hide').click()
  await expect(panel).toBeHidden()
  await expect(desk.page.getByTestId('side-panel-show')).toBeVisible()
  await screenshot(desk.page, 'article-1024-panel-collapsed')
  await clickHighlight(desk.page, EARLY)
  await expect(panel).toBeVisible()
  await expectQuoteInSight(desk.page, EARLY)
  await desk.close()
  await owner.api.dispose()
})

test('at 390 px the claim opens in a drawer over the text, never a jump to the page bottom', async ({ browser }) => {
  const owner = await signUpByApi('Tomás Reyes')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id, { width: 390, height: 844 })
  const panel = desk.page.getByTestId('side-panel')
  await expect(panel).toBeHidden()
  await expect(desk.page.getByTestId('side-panel-show')).toBeVisible()
  await screenshot(desk.page, 'article-390-closed')

  await mark(desk, LATE)
  // Marking opens the new claim in the drawer; closing it returns to the text where it was.
  await expect(panel).toBeVisible()
  await desk.page.getByTestId('side-panel-hide').click()
  await expect(panel).toBeHidden()

  const { before, after } = await clickHighlight(desk.page, LATE)
  expect(Math.abs(after - before)).toBeLessThan(4)
  await expect(panel).toBeVisible()
  await expectQuoteInSight(desk.page, LATE)
  await screenshot(desk.page, 'article-390-drawer')
  // Escape closes the drawer from the keyboard too.
  await desk.page.getByTestId('claim-card').filter({ hasText: LATE }).locator('[data-claim-head]').focus()
  await desk.page.keyboard.press('Escape')
  await desk.page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await desk.close()
  await owner.api.dispose()
})
