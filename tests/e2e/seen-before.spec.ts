import type { Locator } from '@playwright/test'
import {
  type Desk,
  expect,
  openDesk,
  screenshot,
  SEED_OPENING,
  SEED_TITLE,
  selectInArticle,
  signUpByApi,
  test,
} from './fixtures'
import { wordsInViewport } from './claim-text'

// "Seen before": a figure checked in one article is recognised in another of the workspace,
// however it is written, with the verdict it got there and a link to that claim. And the
// suggestions say in words why they are suggested.

/** In the seed article (article A): the figure with its count of people. */
const FIGURE_A = '84 Pakistani security personnel were killed'
/** The same figure in article B, in words and reworded. */
const FIGURE_B = 'eighty-four security personnel were killed'
const ARTICLE_B_TITLE = 'Follow-up: the toll of the Balochistan attacks'
const ARTICLE_B_TEXT = [
  `${SEED_OPENING} for a wave of attacks across Balochistan, the group said on Sunday.`,
  `According to a later statement by the group, ${FIGURE_B} over the three days of fighting.`,
  'Officials in Quetta did not confirm the figure and said an inquiry was under way.',
].join('\n\n')
/** A sentence of the seed article the model suggests (a figure, a count, an attribution). */
const CAPTIVES = 'It also claimed to have taken 18 personnel captive, reported NDTV.'
const RATIONALE = 'Only the group itself gives this number; no independent source confirms it.'

function card(desk: Desk, quote: string): Locator {
  return desk.sidebar
    .getByTestId('claim-card')
    .filter({ has: desk.page.getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

test('a figure verdicted in one article is "seen before" in another, written in words, and links back to it', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const owner = await signUpByApi('Nadia Rahman')
  const a = (await (await owner.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const created = await owner.api.post(`/api/workspaces/${a.workspaceId}/articles`, {
    data: { title: ARTICLE_B_TITLE, text: ARTICLE_B_TEXT },
  })
  expect(created.status(), await created.text()).toBe(201)
  const b = (await created.json()) as { id: string }

  // --- Article A: the figure marked and given a verdict ----------------------------------------
  const deskA = await openDesk(browser, owner, a.id, { width: 1440, height: 900 })

  // The suggestions say why, in words, beside their chips.
  await deskA.sidebar.getByRole('tab', { name: /Suggested/ }).click()
  const suggested = deskA.sidebar.locator(`[data-testid="suggestion"][data-quote="${CAPTIVES}"]`)
  await expect(suggested.getByTestId('suggestion-why')).toContainText(/^Why: .+/)
  await expect(suggested.getByTestId('suggestion-why')).toContainText('contains a figure')
  await deskA.sidebar.getByRole('tab', { name: /Marked/ }).click()

  await selectInArticle(deskA.page, FIGURE_A)
  await deskA.page.getByTestId('mark-claim').click()
  const claimA = card(deskA, FIGURE_A)
  await expect(claimA).toHaveAttribute('data-open', 'true')
  const claimAId = await claimA.getAttribute('data-claim-id')
  // Nothing like it elsewhere yet: no "Seen before" at all (not an empty one).
  await expect(claimA.getByTestId('seen-before')).toHaveCount(0)
  await claimA.getByTestId('verdict-select').selectOption('unproven')
  await claimA.getByTestId('verdict-rationale-input').fill(RATIONALE)
  await claimA.getByRole('button', { name: 'Save verdict' }).click()
  await expect(claimA.getByTestId('verdict-view')).toContainText('Unproven')
  await deskA.close()

  // --- Article B: the same figure, in words, recognised -----------------------------------------
  const deskB = await openDesk(browser, owner, b.id, { width: 1440, height: 900 })
  await selectInArticle(deskB.page, FIGURE_B)
  await deskB.page.getByTestId('mark-claim').click()
  const claimB = card(deskB, FIGURE_B)
  await expect(claimB).toHaveAttribute('data-open', 'true')
  const seen = claimB.getByTestId('seen-before')
  await expect(seen).toBeVisible()
  await expect(seen.getByRole('heading', { name: /Seen before/ })).toBeVisible()
  const item = seen.getByTestId('seen-before-item').first()
  await expect(item.getByTestId('seen-before-link')).toHaveText(FIGURE_A)
  await expect(item.getByTestId('seen-before-article')).toHaveText(`in ${SEED_TITLE}`)
  await expect(item.getByTestId('verdict-chip')).toHaveText('Unproven')
  await expect(item.getByTestId('seen-before-link')).toHaveAttribute('href', `/a/${a.id}?claim=${claimAId}`)
  await seen.scrollIntoViewIfNeeded()
  await screenshot(deskB.page, 'seen-before-1440')

  // A phone: the section wraps within the card.
  const phone = await openDesk(browser, owner, b.id, { width: 390, height: 844 })
  const phoneCard = card(phone, FIGURE_B)
  await phone.page.getByTestId('side-panel-show').click()
  await phoneCard.locator('[data-claim-head]').click()
  const phoneSeen = phoneCard.getByTestId('seen-before')
  await expect(phoneSeen.getByTestId('seen-before-item')).toHaveCount(
    await seen.getByTestId('seen-before-item').count(),
  )
  await phoneSeen.scrollIntoViewIfNeeded()
  await screenshot(phone.page, 'seen-before-390')
  const overflow = await phone.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await phone.close()

  // --- The link opens article A at that claim ---------------------------------------------------
  await item.getByTestId('seen-before-link').click()
  await expect(deskB.page).toHaveURL(new RegExp(`/a/${a.id}\\?claim=${claimAId}$`))
  await expect(deskB.page.getByTestId('article-editor').locator('.ProseMirror')).toContainText(SEED_OPENING)
  const opened = deskB.sidebar.locator(`[data-testid="claim-card"][data-claim-id="${claimAId}"]`)
  await expect(opened).toHaveAttribute('data-open', 'true')
  await expect(opened.getByTestId('verdict-view')).toContainText('Unproven')
  // The claim's words were scrolled into view.
  await expect.poll(() => wordsInViewport(deskB.page, FIGURE_A)).toBe(true)
  await screenshot(deskB.page, 'seen-before-opened-at-claim')
  await deskB.close()
})
