import { expect, openAs, screenshot, signUpByApi, test } from './fixtures'

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
      const overflow = await nav.evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow, `tab row overflow at ${viewport.width}`).toBeLessThanOrEqual(0)
      const row = (await nav.boundingBox())!
      expect(row.x + row.width, `row inside the window at ${viewport.width}`).toBeLessThanOrEqual(viewport.width)
      const boxes = await Promise.all((await tabs.all()).map(async (t) => (await t.boundingBox())!))
      for (const [i, box] of boxes.entries()) {
        const label = `tab ${i} at ${viewport.width}`
        expect(box.x, label).toBeGreaterThanOrEqual(row.x - 0.5)
        expect(box.x + box.width, label).toBeLessThanOrEqual(row.x + row.width + 0.5)
        expect(box.y, label).toBeGreaterThanOrEqual(row.y - 0.5)
        expect(box.y + box.height, label).toBeLessThanOrEqual(row.y + row.height + 0.5)
        if (oneRow) expect(Math.abs(box.y - boxes[0]!.y), label).toBeLessThan(1)
        const clipped = await tabs.nth(i).evaluate((el) => el.scrollWidth - el.clientWidth)
        expect(clipped, label).toBeLessThanOrEqual(0)
      }
      await expect(tabs.first()).toHaveAttribute('aria-current', 'page')
      await screenshot(page, `workspace-tabs-${viewport.width}`)
    } finally {
      await page.context().close()
    }
  }
})
