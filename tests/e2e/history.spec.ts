import type { Locator } from '@playwright/test'
import { type Desk, expect, joinByInvite, openDesk, screenshot, selectInArticle, signUpByApi, test } from './fixtures'

// The History and Activity tabs: B deletes a claim, A (an editor) finds it in the changes since
// a named version and restores it; both see it back with its evidence and verdict. The workspace
// page's Activity tab lists the same actions.

const FIGURE = '84 Pakistani security personnel were killed'
const EVIDENCE_TITLE = 'ISPR press release'
const RATIONALE = 'No official toll confirms the figure.'

function card(desk: Desk, quote: string): Locator {
  return desk.sidebar
    .getByTestId('claim-card')
    .filter({ has: desk.page.getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

test('B deletes a claim, A restores it from the history panel, and both see it back', async ({ browser }) => {
  test.setTimeout(150_000)
  const amina = await signUpByApi('Amina Qureshi')
  const article = (await (await amina.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const bilal = await joinByInvite(amina, article.workspaceId, 'checker', 'Bilal Ahmed')
  const a = await openDesk(browser, amina, article.id, { width: 1440, height: 900 })
  const b = await openDesk(browser, bilal, article.id, { width: 1440, height: 900 })

  // Amina marks the figure, with evidence and a verdict.
  await selectInArticle(a.page, FIGURE)
  await a.page.getByTestId('mark-claim').click()
  const aCard = card(a, FIGURE)
  await expect(aCard).toHaveAttribute('data-open', 'true')
  await aCard.getByTestId('add-evidence').click()
  const form = aCard.getByTestId('evidence-form')
  await form.getByTestId('evidence-url').fill('https://www.ispr.gov.pk/press-release-detail?id=7000')
  await form.getByTestId('evidence-title-input').fill(EVIDENCE_TITLE)
  await form.getByText('Refutes', { exact: true }).click()
  await form.getByRole('button', { name: 'Add evidence' }).click()
  await expect(aCard.getByTestId('evidence-item')).toHaveCount(1)
  await aCard.getByTestId('verdict-select').selectOption('unproven')
  await aCard.getByTestId('verdict-rationale-input').fill(RATIONALE)
  await aCard.getByRole('button', { name: 'Save verdict' }).click()
  await expect(aCard.getByTestId('verdict-view')).toContainText('Unproven')

  // She names this version in the History tab.
  await a.sidebar.getByTestId('sidebar-tab-history').click()
  const history = a.sidebar.getByTestId('history-panel')
  await history.getByTestId('version-label').fill('Before the desk meeting')
  await history.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(history.getByTestId('history-notice')).toContainText('Saved the version “Before the desk meeting”')
  const named = history.getByTestId('version').filter({ hasText: 'Before the desk meeting' })
  await expect(named).toHaveAttribute('data-kind', 'named')
  await expect(named).toContainText('Amina Qureshi')

  // Bilal, a checker, deletes the claim.
  const bCard = card(b, FIGURE)
  await expect(bCard).toHaveCount(1)
  await bCard.locator('[data-claim-head]').click()
  await bCard.getByRole('button', { name: 'Delete claim…' }).click()
  await bCard.getByRole('button', { name: 'Delete claim', exact: true }).click()
  await expect(card(b, FIGURE)).toHaveCount(0)
  await expect(card(a, FIGURE)).toHaveCount(0)

  // A checker may not restore: the panel says why instead of offering the buttons.
  await b.sidebar.getByTestId('sidebar-tab-history').click()
  await expect(b.sidebar.getByText('Only editors and owners can restore')).toBeVisible()
  await expect(b.sidebar.getByTestId('restore-version')).toHaveCount(0)

  // Amina opens the changes since her named version: the deleted claim, by Bilal, to restore.
  await named.getByTestId('changes-since').click()
  const removed = history
    .getByTestId('claim-change')
    .filter({ hasText: FIGURE })
    .and(history.locator('[data-change="removed"]'))
  await expect(removed).toContainText('Claim deleted')
  await expect(removed).toContainText('by Bilal Ahmed')
  await screenshot(a.page, 'history-changes-1440')
  await removed.getByTestId('restore-claim').click()
  await expect(history.getByTestId('history-notice')).toContainText('Claim restored')
  await expect(history.getByTestId('version').first()).toHaveAttribute('data-kind', 'restore')

  // Both see it back, with its evidence and verdict.
  for (const desk of [a, b]) {
    await desk.sidebar.getByTestId('sidebar-tab-claims').click()
    const back = card(desk, FIGURE)
    await expect(back).toHaveCount(1)
    await back.locator('[data-claim-head]').click()
    await expect(back.getByTestId('evidence-item')).toContainText(EVIDENCE_TITLE)
    await expect(back.getByTestId('verdict-view')).toContainText('Unproven')
  }

  // The Activity tab lists who did it, newest first.
  await a.sidebar.getByTestId('sidebar-tab-activity').click()
  const feed = a.sidebar.getByTestId('activity-feed')
  await expect(feed.getByTestId('activity-item').first()).toHaveAttribute('data-kind', 'restored')
  await expect(feed.getByTestId('activity-item').filter({ hasText: 'Bilal Ahmed removed a claim' })).toHaveCount(1)
  await screenshot(a.page, 'activity-panel-1440')

  // The workspace's Activity page, from its navigation, shows the same.
  await a.page.goto(`/w/${article.workspaceId}`)
  await a.page.getByTestId('activity-tab').click()
  const page = a.page.getByTestId('activity-page')
  await expect(page.getByTestId('activity-item').first()).toHaveAttribute('data-kind', 'restored')
  await expect(
    page.getByTestId('activity-item').filter({ hasText: 'Amina Qureshi added “ISPR press release”' }),
  ).toHaveCount(1)
  await screenshot(a.page, 'activity-page-1440')

  // Narrower windows: the history panel at 1024 and on a phone.
  for (const width of [1024, 390]) {
    await a.page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
    await a.page.goto(`/a/${article.id}`)
    await expect(a.page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
    if (width === 390) await a.page.getByTestId('side-panel-show').click()
    await a.page.getByTestId('sidebar-tab-history').click()
    await a.page
      .getByTestId('history-panel')
      .locator('[data-testid="version"][data-kind="named"]')
      .getByTestId('changes-since')
      .click()
    await expect(a.page.getByTestId('changes-view')).toBeVisible()
    await screenshot(a.page, `history-changes-${width}`)
  }
  await a.close()
  await b.close()
})
