import type { Browser, Locator, Page } from '@playwright/test'
import { baseUrl, expect, openArticle, type Person, screenshot, SEED_OPENING, signUp } from './fixtures'

// What the workshop specs share: a participant joining in a browser of their own, and full-page
// screenshots of one screen at several widths, each checked for sideways overflow.

/** A participant's own browser (no account), joined by `code` as `name`, on a synced, connected copy. */
export async function guest(
  browser: Browser,
  code: string,
  name: string,
  width = 1280,
): Promise<{ page: Page; sidebar: Locator }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width, height: 860 },
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  await page.goto(`/join/${code}`)
  await page.getByTestId('join-form').getByLabel('Your name').fill(name)
  await page.getByTestId('join-form').getByRole('button', { name: 'Join workshop' }).click()
  await expect(page.getByTestId('article-editor').locator('.ProseMirror')).toContainText(SEED_OPENING)
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
  return { page, sidebar: page.getByTestId('claims-sidebar') }
}

/** Full-page screenshots of `page` at each width (1440, 1024 and 390 px unless told), nothing wider than the screen. */
export async function shots(page: Page, name: string, widths: number[] = [1440, 1024, 390]): Promise<void> {
  const before = page.viewportSize()
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, `${name}-${width}`, { fullPage: true })
    // Nothing wider than the screen (tables, the heat map, charts).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width}px`,
    ).toBeLessThanOrEqual(width)
  }
  if (before) await page.setViewportSize(before)
}

/** A trainer signs up, opens the demo article and starts a workshop on it titled `title`: on the trainer's page. */
export async function trainerWithWorkshop(browser: Browser, name: string, title: string): Promise<Person> {
  const trainer = await signUp(browser, name)
  const { page } = trainer
  await openArticle(trainer)
  await page.getByTestId('start-workshop').click()
  const create = page.getByTestId('new-workshop-dialog')
  await create.getByLabel('Workshop title').fill(title)
  await create.getByRole('button', { name: 'Create workshop' }).click()
  await expect(page.getByTestId('workshop-title')).toHaveText(title)
  return trainer
}
