import { api, expect, guestPage, joinWorkshop, screenshot, SEED_TITLE, selectInArticle, signUp, test } from './fixtures'

// A workshop room often shares computers: a participant leaves, the next person joins on
// the same browser. Leaving ends the guest session everywhere (other tabs too) and keeps
// the work for the trainer. After the reveal a newcomer is told why they cannot join.

const CLAIM = '84 Pakistani security personnel were killed'

test('workshops: a participant leaves a shared computer, the next one joins; after the reveal newcomers are told why not', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const trainer = await signUp(browser, 'Tamsin Trainer')
  const { page } = trainer
  const workspaceId = new URL(page.url()).pathname.split('/')[2]!
  const articles: Array<{ id: string; title: string }> = await api(
    page,
    'GET',
    `/api/workspaces/${workspaceId}/articles`,
  )
  const article = articles.find((a) => a.title === SEED_TITLE)!
  const workshop = await api(page, 'POST', `/api/workspaces/${workspaceId}/workshops`, {
    articleId: article.id,
    title: 'Shared computers',
  })
  await api(page, 'PUT', `/api/workshops/${workshop.id}/key`, { claims: [{ quote: CLAIM, verdict: 'unproven' }] })

  // --- Ana joins, marks a claim; a second tab of hers is open too ---------------------------
  const ana = await guestPage(browser)
  await joinWorkshop(ana, workshop.joinCode, 'Ana Rehman')
  await selectInArticle(ana, CLAIM)
  await ana.getByTestId('mark-claim').click()
  await expect(ana.getByTestId('claims-sidebar').getByTestId('claim-card')).toHaveCount(1)
  const secondTab = await ana.context().newPage()
  await secondTab.goto(`/workshop/${workshop.id}`)
  await expect(secondTab.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')

  // --- Leave: the dialog says what stays; "Stay" changes nothing ----------------------------
  await ana.getByTestId('leave-workshop').click()
  const dialog = ana.getByTestId('leave-workshop-dialog')
  await expect(dialog).toContainText('Leave “Shared computers”?')
  await expect(dialog).toContainText('stay with your trainer')
  await screenshot(ana, 'workshop-leave-confirm')
  await dialog.getByRole('button', { name: 'Stay' }).click()
  await expect(dialog).toBeHidden()
  await expect(ana.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')

  await ana.getByTestId('leave-workshop').click()
  await ana.getByTestId('leave-workshop-dialog').getByTestId('confirm-leave-workshop').click()
  await expect(ana).toHaveURL(new RegExp(`/join/${workshop.joinCode}$`))
  await expect(ana.getByTestId('join-notice')).toContainText('You left “Shared computers”')
  await expect(ana.getByTestId('join-form').getByLabel('Workshop code')).toHaveValue(workshop.joinCode)
  await screenshot(ana, 'workshop-left-join-screen')

  // The other tab's socket is closed by the server: it says the session ended.
  await expect(secondTab.getByText('Your workshop session has ended')).toBeVisible({ timeout: 10_000 })
  await expect(secondTab.getByTestId('leave-workshop')).toHaveCount(0)
  // Whatever it reads next (a reconnect, a live event) hears 401 too: still said once, not twice.
  await secondTab.waitForTimeout(4500)
  await expect(secondTab.getByText('Your workshop session has ended')).toHaveCount(1)
  await screenshot(secondTab, 'workshop-left-other-tab')
  // Going back to the copy does not work any more on this browser.
  await ana.goto(`/workshop/${workshop.id}`)
  await expect(ana.getByTestId('article-editor')).toHaveCount(0)

  // --- The next person joins on the same browser, as someone new ----------------------------
  await joinWorkshop(ana, workshop.joinCode, 'Ben Okafor')
  await expect(ana.getByTestId('participant-name')).toContainText('Ben Okafor')
  await expect(ana.getByTestId('claims-sidebar').getByTestId('claim-card')).toHaveCount(0)

  // --- The trainer still has Ana's work, and Ben beside her ----------------------------------
  await page.goto(`/w/${workspaceId}/workshops/${workshop.id}`)
  await page.getByTestId('tab-live').click()
  const rows = page.getByTestId('participant-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'Ana Rehman' }).getByTestId('participant-claims')).toHaveText('1')

  // --- After the reveal, a newcomer is told why they cannot join ----------------------------
  await page.getByTestId('reveal').click()
  await page.getByTestId('reveal-dialog').getByTestId('confirm-reveal').click()
  await expect(page.getByTestId('workshop-state')).toHaveText('Results revealed')
  const late = await guestPage(browser)
  await late.goto(`/join/${workshop.joinCode}`)
  await late.getByTestId('join-form').getByLabel('Your name').fill('Late Larry')
  await late.getByTestId('join-form').getByRole('button', { name: 'Join workshop' }).click()
  await expect(late.getByTestId('form-error')).toContainText('already revealed the answers')
  await expect(late).toHaveURL(new RegExp(`/join/${workshop.joinCode}$`))
  await screenshot(late, 'workshop-join-after-reveal')
})
