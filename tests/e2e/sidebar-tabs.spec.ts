import { expect, openDesk, screenshot, signUpByApi, test } from './fixtures'
import { expectTabsInRow } from './tab-row'

// The article sidebar's tabs (Marked, Suggested, History, Activity) fit on one row at every
// window width: none is clipped or scrolled out of sight, and the arrow keys move between them.

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 800 },
  { width: 390, height: 844 },
  // A common Android width: the drawer's row is narrower still.
  { width: 360, height: 780 },
]

test('the four sidebar tabs are fully visible on one row at 1440, 1024, 390 and 360 px, and the arrow keys move between them', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const amina = await signUpByApi('Amina Qureshi')
  const article = (await (await amina.api.get('/api/demo')).json()) as { id: string }
  for (const viewport of WIDTHS) {
    const desk = await openDesk(browser, amina, article.id, viewport)
    try {
      if (viewport.width < 1024) await desk.page.getByTestId('side-panel-show').click()
      const list = desk.sidebar.getByRole('tablist')
      const tabs = list.getByRole('tab')
      await expect(tabs).toHaveCount(4)
      await expect(tabs).toHaveText([/^Marked\s*\d+$/, /^Suggested\s*\d+$/, 'History', 'Activity'])
      // The suggestions count is in: the widest the row gets.
      await expect(desk.sidebar.getByTestId('sidebar-tab-suggestions-count')).toHaveText(/^\d+$/)

      const sidebar = (await desk.sidebar.boundingBox())!
      const row = (await list.boundingBox())!
      expect(row.x).toBeGreaterThanOrEqual(sidebar.x - 0.5)
      expect(row.x + row.width).toBeLessThanOrEqual(sidebar.x + sidebar.width + 0.5)
      // Nothing to scroll to, one row, each label whole.
      await expectTabsInRow(tabs, list, viewport.width, true)
      await screenshot(desk.page, `sidebar-tabs-${viewport.width}`)

      // Keyboard: one tab stop; arrows, Home and End move the selection and the focus.
      const selected = (id: string) => desk.sidebar.getByTestId(`sidebar-tab-${id}`)
      await selected('claims').focus()
      await desk.page.keyboard.press('ArrowRight')
      await expect(selected('suggestions')).toHaveAttribute('aria-selected', 'true')
      await expect(selected('suggestions')).toBeFocused()
      await desk.page.keyboard.press('End')
      await expect(selected('activity')).toHaveAttribute('aria-selected', 'true')
      await expect(selected('activity')).toBeFocused()
      await expect(desk.sidebar.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'sidebar-tab-activity')
      await desk.page.keyboard.press('ArrowRight')
      await expect(selected('claims')).toHaveAttribute('aria-selected', 'true')
      await desk.page.keyboard.press('ArrowLeft')
      await expect(selected('activity')).toBeFocused()
      await desk.page.keyboard.press('ArrowLeft')
      await expect(selected('history')).toHaveAttribute('aria-selected', 'true')
      await expect(selected('history')).toHaveAttribute('tabindex', '0')
      await expect(selected('claims')).toHaveAttribute('tabindex', '-1')
      await desk.page.keyboard.press('Home')
      await expect(selected('claims')).toBeFocused()
    } finally {
      await desk.close()
    }
  }
})
