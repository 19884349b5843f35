import type { Locator } from '@playwright/test'
import {
  api,
  expect,
  guestPage,
  joinWorkshop,
  screenshot,
  SEED_OPENING,
  SEED_TITLE,
  selectInArticle,
  signUp,
  test,
} from './fixtures'

// After the reveal a participant's answers are final: their open copy turns read-only at
// that moment, with a notice saying why. A trainer renames and then deletes the workshop;
// the participant sees a clear "deleted" page, not a broken editor. Throughout, the guest
// sees the verdict labels the trainer's workspace uses.

const KEY_ONE = '84 Pakistani security personnel were killed'
/** The workspace's own label for `unproven`, which the guest must see instead of the default. */
const CUSTOM_LABEL = 'Not proven (yet)'
const RENAMED = 'Casualty claims — Thursday debrief'

function cardFor(sidebar: Locator, quote: string): Locator {
  return sidebar
    .getByTestId('claim-card')
    .filter({ has: sidebar.page().getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

test('workshops: answers lock at the reveal; a trainer renames and deletes the workshop', async ({ browser }) => {
  test.setTimeout(120_000)

  // --- Setup over the API, as the trainer: custom labels, a workshop with a key -------------
  const trainer = await signUp(browser, 'Tamsin Trainer')
  const { page } = trainer
  const workspaceId = new URL(page.url()).pathname.split('/')[2]!
  await api(page, 'PUT', `/api/workspaces/${workspaceId}/verdicts`, { labels: { unproven: CUSTOM_LABEL } })
  const articles: Array<{ id: string; title: string }> = await api(
    page,
    'GET',
    `/api/workspaces/${workspaceId}/articles`,
  )
  const article = articles.find((a) => a.title === SEED_TITLE)!
  const workshop = await api(page, 'POST', `/api/workspaces/${workspaceId}/workshops`, {
    articleId: article.id,
    title: 'Casualty claims — lock test',
  })
  await api(page, 'PUT', `/api/workshops/${workshop.id}/key`, { claims: [{ quote: KEY_ONE, verdict: 'unproven' }] })

  // --- A participant joins and marks a claim, with the workspace's label ---------------------
  const ana = await guestPage(browser)
  await joinWorkshop(ana, workshop.joinCode, 'Ana Rehman')
  const anaText = ana.getByTestId('article-editor').locator('.ProseMirror')
  const sidebar = ana.getByTestId('claims-sidebar')
  await selectInArticle(ana, KEY_ONE)
  await ana.getByTestId('mark-claim').click()
  const card = cardFor(sidebar, KEY_ONE)
  await expect(card.getByTestId('verdict-select').getByRole('option', { name: CUSTOM_LABEL })).toHaveCount(1)
  await card.getByTestId('verdict-select').selectOption({ label: CUSTOM_LABEL })
  await card.getByTestId('verdict-rationale-input').fill('Only the BLA gives this figure.')
  await card.getByRole('button', { name: 'Save verdict' }).click()
  await expect(card.getByTestId('verdict-view')).toContainText(CUSTOM_LABEL)
  await expect(ana.getByTestId('article-editor')).toHaveAttribute('data-editable', 'true')
  await expect(ana.getByTestId('copy-locked-notice')).toHaveCount(0)

  // --- The trainer reveals: the open copy locks at once, with the notice ---------------------
  await page.goto(`/w/${workspaceId}/workshops/${workshop.id}`)
  await expect(page.getByTestId('workshop-title')).toHaveText('Casualty claims — lock test')
  await page.getByTestId('reveal').click()
  await page.getByTestId('reveal-dialog').getByTestId('confirm-reveal').click()
  await expect(page.getByTestId('workshop-state')).toHaveText('Results revealed')

  // The socket says it before the page's next poll (every 4 s): 2 s is well inside that.
  const notice = ana.getByTestId('copy-locked-notice')
  await expect(notice).toContainText('The trainer revealed the answers: your copy is now locked', { timeout: 2000 })
  await expect(ana.getByTestId('article-editor')).toHaveAttribute('data-editable', 'false')
  await expect(ana.getByTestId('mark-claim')).toHaveCount(0)
  await expect(card.getByRole('button', { name: 'Change verdict' })).toHaveCount(0)
  await expect(card.getByTestId('verdict-view')).toContainText(CUSTOM_LABEL)
  await expect(ana.getByTestId('my-result')).toBeVisible()
  await screenshot(ana, 'workshop-participant-locked')

  // Typing goes nowhere: the text stays as it was.
  const before = await anaText.innerText()
  await anaText.click()
  await ana.keyboard.type('EDITED AFTER REVEAL')
  await expect(anaText).not.toContainText('EDITED AFTER REVEAL')
  expect(await anaText.innerText()).toBe(before)

  // A reload keeps it locked, the notice too.
  await ana.reload()
  await expect(anaText).toContainText(SEED_OPENING)
  await expect(ana.getByTestId('copy-locked-notice')).toBeVisible()
  await expect(ana.getByTestId('article-editor')).toHaveAttribute('data-editable', 'false')

  // --- Rename: a bad title is explained in place; a good one shows everywhere ----------------
  await page.getByTestId('rename-workshop').click()
  const rename = page.getByTestId('rename-workshop-dialog')
  await rename.getByLabel('Workshop title').fill('   ')
  await rename.getByTestId('confirm-rename').click()
  await expect(rename.getByRole('alert')).toContainText('Give the workshop a title')
  await screenshot(page, 'workshop-rename-empty')
  await rename.getByLabel('Workshop title').fill(RENAMED)
  await expect(rename.getByRole('alert')).toHaveCount(0)
  await screenshot(page, 'workshop-rename-dialog')
  await rename.getByTestId('confirm-rename').click()
  await expect(rename).toBeHidden()
  await expect(page.getByTestId('workshop-title')).toHaveText(RENAMED)
  // Participants' screens read it again on the live event `workshop-updated` (nothing polls).
  await expect(ana.getByTestId('article-title')).toHaveText(RENAMED, { timeout: 10_000 })

  // --- Delete: the dialog names what is lost; the participant is told ------------------------
  await page.getByTestId('delete-workshop').click()
  const remove = page.getByTestId('delete-workshop-dialog')
  await expect(remove).toContainText(`Delete “${RENAMED}”?`)
  await expect(remove).toContainText('the participant’s copy')
  await expect(remove).toContainText('their results')
  await screenshot(page, 'workshop-delete-confirm')
  // Changing one's mind keeps everything.
  await remove.getByRole('button', { name: 'Keep it' }).click()
  await expect(remove).toBeHidden()
  await expect(page.getByTestId('workshop-title')).toHaveText(RENAMED)

  await page.getByTestId('delete-workshop').click()
  await page.getByTestId('delete-workshop-dialog').getByTestId('confirm-delete-workshop').click()
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/workshops$`))
  await expect(page.getByTestId('workshops-empty')).toBeVisible()
  // The list says what just happened, once.
  const done = page.getByRole('status').filter({ hasText: `Workshop “${RENAMED}” deleted` })
  await expect(done).toBeVisible()
  await screenshot(page, 'workshop-deleted-trainer-list')
  await done.getByRole('button', { name: 'Dismiss' }).click()
  await expect(done).toBeHidden()

  const gone = ana.getByTestId('workshop-deleted')
  await expect(gone).toContainText('This workshop was deleted by its trainer')
  await expect(ana.getByTestId('article-editor')).toHaveCount(0)
  await screenshot(ana, 'workshop-participant-deleted')
  // And after a reload, the same words rather than "does not exist".
  await ana.reload()
  await expect(ana.getByTestId('workshop-deleted')).toContainText('This workshop was deleted by its trainer')

  await Promise.all([ana.context().close(), trainer.context.close()])
})
