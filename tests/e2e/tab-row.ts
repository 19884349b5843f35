import { expect, type Locator } from '@playwright/test'

/**
 * Every tab lies inside its row's box and shows its whole label (nothing clipped or scrolled
 * out of sight); with `oneRow`, all of them at the first one's height.
 */
export async function expectTabsInRow(tabs: Locator, row: Locator, width: number, oneRow: boolean): Promise<void> {
  const overflow = await row.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow, `tab row overflow at ${width}`).toBeLessThanOrEqual(0)
  const rowBox = (await row.boundingBox())!
  const boxes = await Promise.all((await tabs.all()).map(async (t) => (await t.boundingBox())!))
  for (const [i, box] of boxes.entries()) {
    const label = `tab ${i} at ${width}`
    expect(box.x, label).toBeGreaterThanOrEqual(rowBox.x - 0.5)
    expect(box.x + box.width, label).toBeLessThanOrEqual(rowBox.x + rowBox.width + 0.5)
    expect(box.y, label).toBeGreaterThanOrEqual(rowBox.y - 0.5)
    expect(box.y + box.height, label).toBeLessThanOrEqual(rowBox.y + rowBox.height + 0.5)
    if (oneRow) expect(Math.abs(box.y - boxes[0]!.y), label).toBeLessThan(1)
    const clipped = await tabs.nth(i).evaluate((el) => el.scrollWidth - el.clientWidth)
    expect(clipped, label).toBeLessThanOrEqual(0)
  }
}
