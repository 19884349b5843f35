import type { VerdictId } from '@fc/shared'
import { expect, openDesk, screenshot, signUpByApi, test } from './fixtures'
import { markClaims, seedArticle, sentences } from './many-claims'

// The article screen with 0, 20 and 200 claims at 1440, 1024 and 390 px: the screenshots the
// issue asks for (.screens/density-*.png, looked at), and what must hold in every one of them:
// nothing wider than the screen, the claims list reachable, an opened claim's quote in view.

const VERDICTS: VerdictId[] = ['true', 'mostly-false', 'false', 'unproven', 'misleading']
const WIDTHS = [1440, 1024, 390] as const

for (const count of [0, 20, 200]) {
  test(`the article screen with ${count} claims at 1440, 1024 and 390 px`, async ({ browser }) => {
    test.setTimeout(120_000)
    const owner = await signUpByApi('Density Owner')
    const article = await seedArticle(
      owner,
      `Operation Herof, ${count} claims`,
      Math.ceil(count / 15) + 1,
      'https://news.example/herof',
    )
    // One claim per sentence (the seed repeated as needed), two in three with a verdict.
    if (count > 0)
      await markClaims(article, owner.userId, sentences(count), (i) =>
        i % 3 !== 2 ? { verdict: VERDICTS[i % VERDICTS.length]! } : {},
      )

    for (const width of WIDTHS) {
      const desk = await openDesk(browser, owner, article.id, { width, height: width === 390 ? 844 : 900 })
      const { page } = desk
      if (width < 1024) await page.getByTestId('side-panel-show').click()
      const cards = desk.sidebar.getByTestId('claim-card')
      await expect(desk.sidebar.getByTestId('sidebar-tab-claims-count')).toHaveText(count ? String(count) : /^0?$/)
      // Above 100 claims the list draws only the cards near its view (client/src/ui/windowedList.ts).
      if (count > 100) {
        await expect(cards.first()).toBeVisible()
        expect(await cards.count()).toBeLessThan(count)
      } else await expect(cards).toHaveCount(count)
      if (count === 0) await expect(desk.sidebar).toContainText('No claims')
      await screenshot(page, `density-${count}-${width}`)
      if (count > 0) {
        // The tenth claim (or the last): opened, its quote entirely in view.
        const card = desk.sidebar.getByTestId('claim-card').nth(Math.min(9, count - 1))
        await card.locator('[data-claim-head]').click()
        await expect(card).toHaveAttribute('data-open', 'true')
        const quote = card.getByTestId('claim-quote')
        await expect(quote).toBeInViewport({ ratio: 1 })
        await screenshot(page, `density-${count}-${width}-open`)
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `${count} claims at ${width}px`,
      ).toBeLessThanOrEqual(0)
      await desk.close()
    }
  })
}
