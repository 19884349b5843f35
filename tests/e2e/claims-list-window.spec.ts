import { getBodyText, markClaimAtText } from '@fc/shared'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, openDesk, screenshot, signUpByApi, test } from './fixtures'
import { clickWords, drawnClaims, drawnClaimTexts } from './claim-text'
import { stockClient } from './stock-client'

// 2,000 claims: the claims list draws only the cards near its view (ui/windowedList.ts), and
// still reaches every claim: scrolling to its end, End from the keyboard, and a click on the
// words of a claim far down the text, which opens that claim's card in view.

const SEED = readFileSync(fileURLToPath(new URL('../../shared/fixtures/seed-article.txt', import.meta.url)), 'utf8')
const CLAIMS = 2_000

/**
 * Marks `count` claims of three words each, every seventh word onwards; returns their ids in
 * text order, and for each its words and which occurrence of them in the text it is.
 */
async function seedClaims(
  docId: string,
  token: string,
  userId: string,
  count: number,
): Promise<{ ids: string[]; places: Array<{ words: string; nth: number }> }> {
  const bot = await stockClient(docId, token)
  try {
    const text = getBodyText(bot.doc)
    const words = [...text.matchAll(/[A-Za-z]+(?: [A-Za-z]+){2}/g)].filter((_, i) => i % 2 === 0).slice(0, count)
    expect(words.length).toBe(count)
    const ids: string[] = []
    const places = words.map((m) => {
      let nth = 0
      for (let at = text.indexOf(m[0]); at >= 0 && at < m.index!; at = text.indexOf(m[0], at + 1)) nth++
      return { words: m[0], nth }
    })
    bot.doc.transact(() => {
      for (const m of words) ids.push(markClaimAtText(bot.doc, m.index!, m.index! + m[0].length, { createdBy: userId }))
    })
    // Let the server take the whole update before the socket goes.
    await new Promise((r) => setTimeout(r, 1_500))
    return { ids, places }
  } finally {
    bot.close()
  }
}

test('2,000 claims: a bounded number of cards drawn, the last one reached by scrolling and by End, a far highlight opens its card in view', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const owner = await signUpByApi('Window Owner')
  const [workspace] = (await (await owner.api.get('/api/workspaces')).json()) as Array<{ id: string }>
  const created = await owner.api.post(`/api/workspaces/${workspace!.id}/articles`, {
    data: { title: 'Operation Herof, 2,000 claims', text: Array.from({ length: 40 }, () => SEED).join('\n\n') },
  })
  expect(created.status()).toBe(201)
  const article = (await created.json()) as { id: string; docId: string }
  const { token } = (await (await owner.api.post('/api/tokens', { data: { name: 'seeder' } })).json()) as {
    token: string
  }
  const { ids, places } = await seedClaims(article.docId, token, owner.userId, CLAIMS)

  const desk = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })
  const { page, sidebar } = desk
  const list = sidebar.getByTestId('claim-list')
  const cards = list.getByTestId('claim-card')
  // The claims near the window are drawn in the text (claimPainter.ts), not all 2,000.
  await expect.poll(async () => (await drawnClaimTexts(page)).length, { timeout: 30_000 }).toBeGreaterThan(20)
  expect((await drawnClaimTexts(page)).length).toBeLessThan(CLAIMS / 4)
  await expect(list).toHaveAttribute('data-windowed', 'true')
  await expect(cards.first()).toHaveAttribute('data-claim-id', ids[0]!)
  // Every card says where it stands in the whole list, drawn or not.
  await expect(list.locator('li.claim-list__item').first()).toHaveAttribute('aria-setsize', String(CLAIMS))
  const drawn = await cards.count()
  expect(drawn).toBeGreaterThan(5)
  expect(drawn).toBeLessThan(120)
  await screenshot(page, 'claims-window-2000-top')

  // Dragged to the end of its scroll bar (again while the drawn cards' real heights replace
  // the estimates), the column shows the last claim.
  const column = page.locator('.app__sidebar')
  for (let i = 0; i < 10; i++) {
    await column.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await page.waitForTimeout(150)
  }
  const last = list.locator(`[data-claim-card][data-claim-id="${ids[CLAIMS - 1]}"]`)
  await expect(last).toBeInViewport()
  expect(await cards.count()).toBeLessThan(120)
  await screenshot(page, 'claims-window-2000-end')

  // Back to the top from the keyboard: Home on a card's head, then End again.
  await last.locator('[data-claim-head]').focus()
  await page.keyboard.press('Home')
  const first = list.locator(`[data-claim-card][data-claim-id="${ids[0]}"] [data-claim-head]`)
  await expect(first).toBeFocused()
  await expect(first).toBeInViewport()
  await page.keyboard.press('End')
  await expect(last.locator('[data-claim-head]')).toBeFocused()
  await expect(last).toBeInViewport()
  await page.keyboard.press('k')
  const beforeLast = list.locator(`[data-claim-card][data-claim-id="${ids[CLAIMS - 2]}"] [data-claim-head]`)
  await expect(beforeLast).toBeFocused()

  // Back at the top of the list, a click on the words of a claim far down the text opens its card, in view.
  await page.keyboard.press('Home')
  await expect(first).toBeInViewport()
  const far = ids[1_500]!
  await clickWords(page, places[1_500]!.words, places[1_500]!.nth)
  // Scrolled to, its words are drawn, as the open claim.
  await expect
    .poll(async () => (await drawnClaims(page)).filter((c) => c.open).map((c) => c.text))
    .toEqual([places[1_500]!.words])
  const farCard = list.locator(`[data-claim-card][data-claim-id="${far}"]`)
  await expect(farCard).toHaveAttribute('data-open', 'true')
  await expect(farCard.getByTestId('claim-quote')).toBeInViewport({ ratio: 1 })
  await expect(farCard.locator('xpath=..')).toHaveAttribute('aria-posinset', '1501')
  expect(await cards.count()).toBeLessThan(120)
  await screenshot(page, 'claims-window-2000-far-open')
  await desk.close()

  // Beside the text at 1024 px and in the drawer at 390 px: windowed too, the end reachable.
  for (const width of [1024, 390]) {
    const narrow = await openDesk(browser, owner, article.id, { width, height: width === 390 ? 844 : 900 })
    if (width < 1024) await narrow.page.getByTestId('side-panel-show').click()
    const narrowList = narrow.sidebar.getByTestId('claim-list')
    await expect(narrowList.getByTestId('claim-card').first()).toBeVisible({ timeout: 30_000 })
    expect(await narrowList.getByTestId('claim-card').count()).toBeLessThan(120)
    await screenshot(narrow.page, `claims-window-2000-${width}`)
    await narrowList.locator('[data-claim-head]').first().focus()
    await narrow.page.keyboard.press('End')
    const lastHere = narrowList.locator(`[data-claim-card][data-claim-id="${ids[CLAIMS - 1]}"]`)
    await expect(lastHere.locator('[data-claim-head]')).toBeFocused()
    await expect(lastHere).toBeInViewport()
    await screenshot(narrow.page, `claims-window-2000-${width}-end`)
    await narrow.close()
  }
})
