import type { Page } from '@playwright/test'
import {
  card,
  openAs,
  type Desk,
  expect,
  joinByInvite,
  openDesk,
  screenshot,
  selectInArticle,
  signUpByApi,
  test,
} from './fixtures'

// The editor's desk, as two people live it: a checker asks for review, the editor sends the
// claim back with a note from the review queue, the checker reads it on the card without
// reloading, fixes and asks again; the editor approves and publishes, and the article list and
// the exports say so.

const FIGURE = '84 Pakistani security personnel were killed'
const CLAIMANT = 'Baloch Liberation Army'
const FIRST_RATIONALE = 'The group says so.'
const FIXED_RATIONALE =
  'Only the group itself gives this number; the ISPR gives a lower toll and no independent source confirms either.'
const NOTE = 'A claim by the group is not a rationale: say what the other sources report.'
const PUBLIC_URL = 'https://news.example/fact-checks/operation-herof-ii'

async function noSideways(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

test('checker asks for review, editor sends it back from the queue, checker fixes it live, editor approves, publishes and corrects', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const editor = await signUpByApi('Omar Siddiqui')
  const article = (await (await editor.api.get('/api/demo')).json()) as {
    id: string
    workspaceId: string
    title: string
  }
  const checker = await joinByInvite(editor, article.workspaceId, 'checker', 'Ayesha Khan')

  // --- The editor's queue is empty to begin with: a real empty state ---------------------------------
  const queuePage = await openAs(browser, editor, `/w/${article.workspaceId}/review`)
  await expect(queuePage.getByTestId('queue-empty')).toBeVisible()
  await expect(queuePage.getByTestId('queue-empty')).toContainText('Nothing waiting for review')
  await screenshot(queuePage, 'desk-queue-empty-1440')
  const emptyPhone = await openAs(browser, editor, `/w/${article.workspaceId}/review`, { width: 390, height: 844 })
  await expect(emptyPhone.getByTestId('queue-empty')).toBeVisible()
  await screenshot(emptyPhone, 'desk-queue-empty-390')
  await noSideways(emptyPhone)
  await emptyPhone.context().close()

  // --- The checker marks a claim, rates it, names the claimant and asks for review -------------------
  const desk = await openDesk(browser, checker, article.id, { width: 1440, height: 900 })
  await selectInArticle(desk.page, FIGURE)
  await desk.page.getByTestId('mark-claim').click()
  const claim = card(desk, FIGURE)
  await expect(claim).toHaveAttribute('data-open', 'true')
  const claimId = (await claim.getAttribute('data-claim-id'))!
  // The sentence's attribution is offered; the checker writes the full name instead.
  await expect(claim.getByTestId('claimant-suggestion')).toHaveText('BLA')
  await claim.getByTestId('claimant-input').fill(CLAIMANT)
  await claim.getByTestId('claimant-input').press('Enter')
  await claim.getByTestId('verdict-select').selectOption('unproven')
  await claim.getByTestId('verdict-rationale-input').fill(FIRST_RATIONALE)
  await claim.getByRole('button', { name: 'Save verdict' }).click()
  await expect(claim.getByTestId('verdict-view')).toContainText('Unproven')
  const panel = claim.getByTestId('review-panel')
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'unreviewed')
  // A checker may ask, not decide.
  await expect(panel.getByTestId('approve')).toHaveCount(0)
  await expect(panel.getByTestId('verdict-set-by')).toContainText('Verdict set by you')
  await panel.getByTestId('request-review').click()
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'in-review')
  await expect(claim.locator('[data-claim-head]').getByTestId('review-chip')).toHaveText('In review')

  // --- The editor's queue shows it live, with what matters at a glance -------------------------------
  const item = queuePage
    .getByTestId('queue-item')
    .filter({ has: queuePage.getByTestId('queue-quote').getByText(FIGURE) })
  await expect(item).toBeVisible()
  await expect(item.getByTestId('verdict-chip')).toHaveText('Unproven')
  await expect(item.getByTestId('queue-reason')).toHaveText('Review requested')
  await expect(item).toContainText(FIRST_RATIONALE)
  await expect(item).toContainText('Asked by Ayesha Khan')
  await expect(item).toContainText(article.title)
  await screenshot(queuePage, 'desk-queue-1440')
  const fullPhone = await openAs(browser, editor, `/w/${article.workspaceId}/review`, { width: 390, height: 844 })
  await expect(fullPhone.getByTestId('queue-item')).toHaveCount(1)
  await screenshot(fullPhone, 'desk-queue-390')
  await noSideways(fullPhone)
  await fullPhone.context().close()

  // Editors land on the queue when something waits for them.
  const landing = await openAs(browser, editor, '/')
  await expect(landing).toHaveURL(new RegExp(`/w/${article.workspaceId}/review$`))
  await landing.context().close()

  // --- Keyboard: focus on the claim, r asks for changes with a required note -----------------------------
  await queuePage.getByTestId('review-queue').locator('[data-queue-head]').first().focus()
  await queuePage.keyboard.press('r')
  const dialog = queuePage.getByTestId('decision-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('decision-submit').click()
  await expect(dialog.getByRole('alert')).toContainText('Say what needs to change')
  await dialog.getByTestId('decision-note').fill(NOTE)
  await dialog.getByTestId('decision-submit').click()
  await expect(dialog).toBeHidden()
  await expect(queuePage.getByTestId('queue-empty')).toBeVisible()

  // --- The checker reads the note on the card, live, fixes and asks again -------------------------------
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'changes-requested')
  await expect(panel.getByTestId('latest-decision')).toContainText('Changes requested by Omar Siddiqui')
  await expect(panel.getByTestId('latest-decision')).toContainText(NOTE)
  await claim.getByRole('button', { name: 'Change verdict' }).click()
  await claim.getByTestId('verdict-rationale-input').fill(FIXED_RATIONALE)
  await claim.getByRole('button', { name: 'Save verdict' }).click()
  await expect(claim.getByTestId('verdict-rationale')).toHaveText(FIXED_RATIONALE)
  await panel.getByTestId('request-review').click()
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'in-review')

  // --- Back in the queue (live): Enter opens the claim in its article ----------------------------------
  await expect(item).toBeVisible()
  await expect(item).toContainText(FIXED_RATIONALE)
  await item.locator('[data-queue-head]').focus()
  await queuePage.keyboard.press('Enter')
  await expect(queuePage).toHaveURL(new RegExp(`/a/${article.id}\\?claim=${claimId}$`))
  const editorDesk: Desk = {
    page: queuePage,
    text: queuePage.getByTestId('article-editor').locator('.ProseMirror'),
    sidebar: queuePage.getByTestId('claims-sidebar'),
    close: () => queuePage.context().close(),
  }
  const editorClaim = editorDesk.sidebar.locator(`[data-testid="claim-card"][data-claim-id="${claimId}"]`)
  await expect(editorClaim).toHaveAttribute('data-open', 'true')
  const editorPanel = editorClaim.getByTestId('review-panel')
  await expect(editorPanel.getByTestId('review-chip')).toHaveAttribute('data-state', 'in-review')
  await expect(editorPanel.getByTestId('verdict-set-by')).toContainText('Verdict set by Ayesha Khan')
  await expect(editorClaim.getByTestId('claimant-input')).toHaveValue(CLAIMANT)
  await editorPanel.scrollIntoViewIfNeeded()
  await screenshot(queuePage, 'desk-claim-review-1440')

  // --- Publishing before approval is refused, naming the claim; the name leads to it -------------------
  await expect(queuePage.getByTestId('unpublished-state')).toHaveText('Not published yet')
  await expect(queuePage.getByTestId('publish-button')).toHaveText('Publish…')
  await queuePage.getByTestId('publish-button').click()
  const publish = queuePage.getByTestId('publish-dialog')
  await publish.getByTestId('publish-submit').click()
  await expect(publish.getByRole('alert').first()).toContainText('Enter the address')
  await publish.getByTestId('publish-url').fill(PUBLIC_URL)
  await screenshot(queuePage, 'desk-publish-dialog-1440')
  await publish.getByTestId('publish-submit').click()
  await expect(publish.getByTestId('publish-refused')).toContainText('One claim with a verdict is not approved yet')
  await screenshot(queuePage, 'desk-publish-refused-1440')
  await publish.getByTestId('unapproved-claim').filter({ hasText: FIGURE }).click()
  await expect(publish).toBeHidden()
  await expect(editorClaim).toHaveAttribute('data-open', 'true')

  // --- Approve (the checker sees it live), then publish ------------------------------------------------
  await editorPanel.getByTestId('approve').click()
  await queuePage.getByTestId('decision-dialog').getByTestId('decision-submit').click()
  await expect(editorPanel.getByTestId('review-chip')).toHaveAttribute('data-state', 'approved')
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'approved')
  await expect(panel.getByTestId('approved-by')).toContainText('by Omar Siddiqui')

  await queuePage.getByTestId('publish-button').click()
  await publish.getByTestId('publish-url').fill(PUBLIC_URL)
  await publish.getByTestId('publish-submit').click()
  await expect(publish).toBeHidden()
  await expect(queuePage.getByTestId('published-state')).toContainText('Published')
  await expect(queuePage.getByTestId('publish-button')).toHaveText('Publish again')

  // --- A change after publication shows, and publishing again takes a correction note ----------------------
  await claim.getByRole('button', { name: 'Change verdict' }).click()
  await claim.getByTestId('verdict-rationale-input').fill(`${FIXED_RATIONALE} The ISPR put it at 18.`)
  await claim.getByRole('button', { name: 'Save verdict' }).click()
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'in-review')
  await expect(queuePage.getByTestId('edited-after-publication')).toBeVisible()
  await expect(editorPanel.getByTestId('review-chip')).toHaveAttribute('data-state', 'in-review')
  await editorPanel.getByTestId('approve').click()
  await queuePage.getByTestId('decision-dialog').getByTestId('decision-submit').click()
  await expect(editorPanel.getByTestId('review-chip')).toHaveAttribute('data-state', 'approved')
  await queuePage.getByTestId('publish-button').click()
  await expect(publish.getByTestId('publish-url')).toHaveCount(0)
  await publish.getByTestId('publish-submit').click()
  await expect(publish.getByRole('alert').first()).toContainText('Say what changed')
  await publish.getByTestId('publish-note').fill('Added the ISPR figure to the rationale.')
  await screenshot(queuePage, 'desk-publish-again-1440')
  await publish.getByTestId('publish-submit').click()
  await expect(publish).toBeHidden()
  await expect(queuePage.getByTestId('edited-after-publication')).toHaveCount(0)
  await queuePage.getByTestId('show-corrections').click()
  await expect(queuePage.getByTestId('corrections-list')).toContainText('Added the ISPR figure to the rationale.')
  await queuePage.getByTestId('corrections-dialog').getByRole('button', { name: 'Close' }).click()
  // Each publish made a version and an activity line: the History and Activity tabs show both.
  const sidebar = queuePage.getByTestId('claims-sidebar')
  await sidebar.getByTestId('sidebar-tab-history').click()
  const published = sidebar.getByTestId('history-panel').locator('[data-testid="version"][data-kind="publish"]')
  await expect(published).toHaveCount(2)
  await expect(published.first()).toContainText('correction: Added the ISPR figure to the rationale.')
  await expect(published.nth(1)).toContainText('Published')
  await screenshot(queuePage, 'desk-history-publish-1440')
  await sidebar.getByTestId('sidebar-tab-activity').click()
  const feed = sidebar.getByTestId('activity-feed').locator('[data-testid="activity-item"][data-kind="published"]')
  await expect(feed).toHaveCount(2)
  await expect(feed.first()).toContainText(
    'Omar Siddiqui published a correction: Added the ISPR figure to the rationale.',
  )
  await expect(feed.nth(1)).toContainText('Omar Siddiqui published the fact-check')
  await sidebar.getByTestId('sidebar-tab-claims').click()

  // The claim with its review controls on a phone.
  const phoneDesk = await openDesk(browser, editor, article.id, { width: 390, height: 844 })
  const phoneClaim = phoneDesk.sidebar.locator(`[data-testid="claim-card"][data-claim-id="${claimId}"]`)
  // Narrower than 1024 px the claims are a drawer over the text.
  await phoneDesk.page.getByTestId('side-panel-show').click()
  await phoneClaim.locator('[data-claim-head]').click()
  await phoneClaim.getByTestId('review-panel').scrollIntoViewIfNeeded()
  await screenshot(phoneDesk.page, 'desk-claim-review-390')
  await noSideways(phoneDesk.page)
  // Back to the text (the drawer closed), at the top where Publish is.
  await phoneDesk.page.getByTestId('side-panel-hide').click()
  await phoneDesk.page.evaluate(() => window.scrollTo(0, 0))
  await phoneDesk.page.getByTestId('publish-button').click()
  await screenshot(phoneDesk.page, 'desk-publish-dialog-390')
  await phoneDesk.close()

  await desk.close()
  await editorDesk.close()
})

test('the exports and the article list follow review: a preview for editors, then the published ClaimReview', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signUpByApi('Sana Mir')
  const article = (await (await editor.api.get('/api/demo')).json()) as {
    id: string
    workspaceId: string
    title: string
  }
  const desk = await openDesk(browser, editor, article.id, { width: 1440, height: 900 })
  await selectInArticle(desk.page, FIGURE)
  await desk.page.getByTestId('mark-claim').click()
  const claim = card(desk, FIGURE)
  const claimId = (await claim.getAttribute('data-claim-id'))!
  await claim.getByTestId('claimant-suggestion').click()
  await expect(claim.getByTestId('claimant-input')).toHaveValue('BLA')
  await claim.getByTestId('verdict-select').selectOption('unproven')
  await claim.getByTestId('verdict-rationale-input').fill(FIXED_RATIONALE)
  await claim.getByRole('button', { name: 'Save verdict' }).click()
  await expect(claim.getByTestId('verdict-view')).toContainText('Unproven')

  // Nothing approved: the preview and the public export are empty.
  const get = async (path: string) => (await desk.page.request.get(path)).json() as Promise<Array<Record<string, any>>>
  expect(await get(`/api/articles/${article.id}/claimreview?preview=1`)).toEqual([])
  await claim.getByTestId('review-panel').getByTestId('approve').click()
  await desk.page.getByTestId('decision-dialog').getByTestId('decision-submit').click()
  await expect(claim.getByTestId('review-panel').getByTestId('review-chip')).toHaveAttribute('data-state', 'approved')

  // Editors preview what publishing would put out, from the Export menu.
  await desk.page.getByTestId('export-button').click()
  const previewLink = desk.page.getByTestId('export-claimreview-preview')
  await expect(previewLink).toHaveAttribute('href', `/api/articles/${article.id}/claimreview?preview=1`)
  await screenshot(desk.page, 'desk-exports-menu-1440')
  await desk.page.keyboard.press('Escape')
  const preview = await get(`/api/articles/${article.id}/claimreview?preview=1`)
  expect(preview).toHaveLength(1)
  expect(preview[0]!.claimReviewed).toBe(FIGURE)
  expect(await get(`/api/articles/${article.id}/claimreview`)).toEqual([])

  await desk.page.getByTestId('publish-button').click()
  await desk.page.getByTestId('publish-url').fill(PUBLIC_URL)
  await desk.page.getByTestId('publish-submit').click()
  await expect(desk.page.getByTestId('published-state')).toContainText('Published')

  const published = await get(`/api/articles/${article.id}/claimreview`)
  expect(published).toHaveLength(1)
  expect(published[0]!.url).toBe(`${PUBLIC_URL}#claim-${claimId}`)
  expect(published[0]!.itemReviewed.author.name).toBe('BLA')
  expect(typeof published[0]!.datePublished).toBe('string')

  // The article list, the desk's overview: claims, verdicts, approved, published.
  await desk.page.goto(`/w/${article.workspaceId}`)
  const row = desk.page.getByTestId('article-list').locator('li').filter({ hasText: article.title })
  await expect(row.getByTestId('article-desk')).toContainText('1 claim · 1 with a verdict')
  await expect(row.getByTestId('article-desk')).toContainText('1 approved')
  await expect(row.getByTestId('article-published')).toContainText('Published')
  await screenshot(desk.page, 'desk-article-list-1440')

  await desk.close()
})
