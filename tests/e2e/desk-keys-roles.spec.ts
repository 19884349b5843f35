import type { Locator } from '@playwright/test'
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

// The desk from the keyboard and by role: `a` in the queue approves the focused claim and focus
// moves on to the next; without a verdict it does nothing. A viewer reads the queue and the
// claim's review but is offered no decision, request or publish. A request the server refuses
// (the claim was approved meanwhile) says why on the card.

const FIRST = '84 Pakistani security personnel were killed'
const SECOND = 'It also claimed to have taken 18 personnel captive'

async function markAndAsk(desk: Desk, quote: string, verdict?: string): Promise<{ claim: Locator; claimId: string }> {
  await selectInArticle(desk.page, quote)
  await desk.page.getByTestId('mark-claim').click()
  const claim = card(desk, quote)
  await expect(claim).toHaveAttribute('data-open', 'true')
  if (verdict) {
    await claim.getByTestId('verdict-select').selectOption(verdict)
    await claim.getByTestId('verdict-rationale-input').fill('Only the group gives this figure.')
    await claim.getByRole('button', { name: 'Save verdict' }).click()
    await expect(claim.getByTestId('verdict-view')).toBeVisible()
  }
  await claim.getByTestId('review-panel').getByTestId('request-review').click()
  await expect(claim.getByTestId('review-panel').getByTestId('review-chip')).toHaveAttribute('data-state', 'in-review')
  return { claim, claimId: (await claim.getAttribute('data-claim-id'))! }
}

test('queue keys by role: a approves and moves on, not without a verdict; a viewer decides nothing; a refused request says why', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const editor = await signUpByApi('Nadia Rahman')
  const article = (await (await editor.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const checker = await joinByInvite(editor, article.workspaceId, 'checker', 'Bilal Ahmed')
  const viewer = await joinByInvite(editor, article.workspaceId, 'viewer', 'Vera Lindqvist')

  const desk = await openDesk(browser, checker, article.id, { width: 1440, height: 900 })
  const first = await markAndAsk(desk, FIRST, 'unproven')
  const second = await markAndAsk(desk, SECOND)

  // --- The editor: focus on the oldest request, `a` approves it, focus goes to the next ---------------
  const queue = await openAs(browser, editor, `/w/${article.workspaceId}/review`)
  const items = queue.getByTestId('queue-item')
  await expect(items).toHaveCount(2)
  await expect(items.first()).toContainText(FIRST)
  await items.first().locator('[data-queue-head]').focus()
  await queue.keyboard.press('a')
  await expect(queue.getByTestId('queue-message')).toContainText('Approved')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText(SECOND)
  await expect(items.first().locator('[data-queue-head]')).toBeFocused()
  // The checker's card follows, live.
  await expect(first.claim.locator('[data-claim-head]').getByTestId('review-chip')).toHaveAttribute(
    'data-state',
    'approved',
  )

  // No verdict: `a` does nothing, the button says why.
  await queue.keyboard.press('a')
  await expect(items.first().getByTestId('queue-approve')).toBeDisabled()
  await expect(items.first().getByTestId('queue-approve')).toHaveAttribute(
    'title',
    /only a claim with a verdict can be approved/,
  )
  const stillInReview = (await (await editor.api.get(`/api/articles/${article.id}/review`)).json()) as {
    claims: Array<{ claimId: string; state: string }>
  }
  expect(stillInReview.claims.find((c) => c.claimId === second.claimId)?.state).toBe('in-review')
  await expect(items).toHaveCount(1)

  // --- A viewer: reads the queue and the review, is offered nothing to do -----------------------------
  const viewerQueue = await openAs(browser, viewer, `/w/${article.workspaceId}/review`)
  await expect(viewerQueue.getByTestId('queue-item')).toHaveCount(1)
  await expect(viewerQueue.getByTestId('queue-approve')).toHaveCount(0)
  await expect(viewerQueue.getByTestId('queue-request-changes')).toHaveCount(0)
  await viewerQueue.getByTestId('queue-item').first().locator('[data-queue-head]').focus()
  await viewerQueue.keyboard.press('a')
  await viewerQueue.keyboard.press('r')
  await expect(viewerQueue.getByTestId('decision-dialog')).toHaveCount(0)
  await expect(viewerQueue.getByTestId('queue-item')).toHaveCount(1)
  await screenshot(viewerQueue, 'desk-queue-viewer-1440')
  await viewerQueue.context().close()

  const viewerDesk = await openDesk(browser, viewer, article.id, { width: 1440, height: 900 })
  const viewerCard = card(viewerDesk, FIRST)
  await viewerCard.locator('[data-claim-head]').click()
  const viewerPanel = viewerCard.getByTestId('review-panel')
  await expect(viewerPanel.getByTestId('review-chip')).toHaveAttribute('data-state', 'approved')
  await expect(viewerPanel.getByTestId('approved-by')).toContainText('Nadia Rahman')
  await expect(viewerPanel.getByTestId('request-review')).toHaveCount(0)
  await expect(viewerPanel.getByTestId('approve')).toHaveCount(0)
  await expect(viewerPanel.getByTestId('request-changes')).toHaveCount(0)
  await expect(viewerDesk.page.getByTestId('publish-button')).toHaveCount(0)
  await screenshot(viewerDesk.page, 'desk-claim-viewer-1440')
  await viewerDesk.close()

  // --- A request the server refuses: the editor approved while the checker's request was on its way ----
  if ((await second.claim.getAttribute('data-open')) !== 'true') await second.claim.locator('[data-claim-head]').click()
  await expect(second.claim).toHaveAttribute('data-open', 'true')
  await second.claim.getByTestId('verdict-select').selectOption('false')
  await second.claim.getByTestId('verdict-rationale-input').fill('The army’s list names no captives.')
  await second.claim.getByRole('button', { name: 'Save verdict' }).click()
  const sendBack = await editor.api.post(`/api/articles/${article.id}/claims/${second.claimId}/decisions`, {
    data: { decision: 'request-changes', note: 'Cite the army’s list.' },
  })
  expect(sendBack.status()).toBe(201)
  const panel = second.claim.getByTestId('review-panel')
  await expect(panel.getByTestId('request-review')).toHaveText('Request review again')
  await desk.page.route('**/review-request', async (route) => {
    const approve = await editor.api.post(`/api/articles/${article.id}/claims/${second.claimId}/decisions`, {
      data: { decision: 'approve' },
    })
    expect(approve.status()).toBe(201)
    await route.continue()
  })
  await panel.getByTestId('request-review').click()
  await expect(panel.getByTestId('review-error')).toBeVisible()
  await expect(panel.getByTestId('review-error')).toContainText(/approved/i)
  await expect(panel.getByTestId('review-chip')).toHaveAttribute('data-state', 'approved')
  await screenshot(desk.page, 'desk-request-refused-1440')
  await desk.page.unroute('**/review-request')
  await queue.context().close()
  await desk.close()
})
