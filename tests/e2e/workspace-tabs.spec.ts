import { expect, openAs, screenshot, signUpByApi, test } from './fixtures'
import { expectTabsInRow } from './tab-row'

// The workspace page's five tabs (Articles, Review, Activity, Members, Workshops) are all in
// sight: one row at 1440, 1024 and 390 px; a narrower phone wraps them rather than scrolling.

const WIDTHS = [
  { width: 1440, height: 900, oneRow: true },
  { width: 1024, height: 800, oneRow: true },
  { width: 390, height: 844, oneRow: true },
  { width: 360, height: 780, oneRow: false },
]

test('the five workspace tabs are fully visible at 1440, 1024, 390 and 360 px, on one row down to 390', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const amina = await signUpByApi('Amina Qureshi')
  const demo = (await (await amina.api.get('/api/demo')).json()) as { workspaceId: string }
  for (const { oneRow, ...viewport } of WIDTHS) {
    const page = await openAs(browser, amina, `/w/${demo.workspaceId}`, viewport)
    try {
      const nav = page.getByRole('navigation', { name: 'Workspace pages' })
      const tabs = nav.getByRole('link')
      await expect(tabs).toHaveText(['Articles', 'Review', 'Activity', 'Members', 'Workshops'])
      const row = (await nav.boundingBox())!
      expect(row.x + row.width, `row inside the window at ${viewport.width}`).toBeLessThanOrEqual(viewport.width)
      await expectTabsInRow(tabs, nav, viewport.width, oneRow)
      await expect(tabs.first()).toHaveAttribute('aria-current', 'page')
      await screenshot(page, `workspace-tabs-${viewport.width}`)
    } finally {
      await page.context().close()
    }
  }
})
