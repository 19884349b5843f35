import { expect, openDesk, screenshot, selectInArticle, signUpByApi, test } from './fixtures'

// A whole claim, from marking to discussion, without the mouse: the shortcuts the sheet
// lists, and the focus where the next key expects it after every step.
const WORDS = 'more than 80 members of Pakistani security forces were killed'

test('mark, status, verdict, evidence and comment on a claim with the keyboard alone', async ({ browser }) => {
  const owner = await signUpByApi('Noor Haidari')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })
  const { page } = desk

  // Words selected in the text (as with Shift+arrows), marked with the shortcut, then over to the card.
  await selectInArticle(page, WORDS)
  await page.keyboard.press('Control+Shift+M')
  const card = desk.sidebar.getByTestId('claim-card').filter({ hasText: WORDS })
  await expect(card).toHaveAttribute('data-open', 'true')
  await desk.text.focus()
  await selectInArticle(page, 'Pakistani security')
  await page.keyboard.press('Control+Shift+Enter')
  const head = card.locator('[data-claim-head]')
  await expect(head).toBeFocused()

  // Status: s steps forward, Shift+S back; the focus stays on the card.
  await page.keyboard.press('s')
  await expect(card.locator('[data-status-step="researching"]')).toHaveAttribute('aria-pressed', 'true')
  await expect(head).toBeFocused()

  // Verdict: 5 is the fifth of the scale (False); the rationale takes the focus; Ctrl+Enter saves and returns to the card.
  await page.keyboard.press('5')
  const rationale = card.getByTestId('verdict-form').getByRole('textbox')
  await expect(rationale).toBeFocused()
  await expect(card.getByTestId('verdict-select')).toHaveValue('false')
  await page.keyboard.type('The ministry reported 12 deaths; no other source supports 80.')
  await page.keyboard.press('Control+Enter')
  await expect(card.getByTestId('verdict-view')).toContainText('False')
  await expect(head).toBeFocused()

  // Evidence: e opens the form on its link field; Tab through it; Enter adds; the focus comes back.
  await page.keyboard.press('e')
  const form = card.getByTestId('evidence-form')
  await expect(form.getByTestId('evidence-url')).toBeFocused()
  await page.keyboard.type('https://www.ispr.gov.pk/press-release-detail?id=7000')
  await page.keyboard.press('Tab')
  await expect(form.getByTestId('evidence-title-input')).toBeFocused()
  await page.keyboard.type('ISPR press release')
  await page.keyboard.press('Tab')
  // The stance radios: arrow keys move between them, as in any radio group.
  await page.keyboard.press('ArrowRight')
  await expect(form.getByRole('radio', { name: 'Refutes' })).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(card.getByTestId('evidence-item')).toHaveCount(1)
  await expect(head).toBeFocused()

  // Comment: c focuses the box; Ctrl+Enter sends.
  await page.keyboard.press('c')
  await expect(card.getByTestId('comment-input')).toBeFocused()
  await page.keyboard.type('Checked against the ISPR release.')
  await page.keyboard.press('Control+Enter')
  await expect(card).toContainText('Checked against the ISPR release.')

  // The sheet: ? lists the keys; Escape closes it.
  await head.focus()
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible()
  await screenshot(page, 'keyboard-shortcut-sheet')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0)

  // Escape closes the card, Escape again returns to its words in the text.
  await head.focus()
  await page.keyboard.press('Escape')
  await expect(card).toHaveAttribute('data-open', 'false')
  await page.keyboard.press('Escape')
  await expect(desk.text).toBeFocused()

  // The Export menu opens and moves with the arrow keys.
  await desk.sidebar.getByTestId('export-button').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('export-claimreview')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('export-report')).toBeFocused()
  await page.keyboard.press('Escape')
  await desk.close()
  await owner.api.dispose()
})
