import type { Locator, Page } from '@playwright/test'
import {
  baseUrl,
  type Desk,
  expect,
  joinByInvite,
  openDesk,
  screenshot,
  SEED_OPENING,
  selectInArticle,
  signUpByApi,
  test,
} from './fixtures'

// The inbox: A mentions B in a claim's discussion; B, on another page of the app, sees the
// unread count go up live, opens the notification and lands on that claim; read in one browser,
// read in every other.

const FIGURE = '84 Pakistani security personnel were killed'

function card(desk: Desk, quote: string): Locator {
  return desk.sidebar
    .getByTestId('claim-card')
    .filter({ has: desk.page.getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

async function openWorkspace(page: Page, workspaceId: string): Promise<void> {
  await page.goto(`/w/${workspaceId}`)
  await expect(page.getByTestId('inbox')).toBeVisible()
}

test('a mention reaches the inbox live, and opening it lands on the claim', async ({ browser }) => {
  test.setTimeout(120_000)
  const amina = await signUpByApi('Amina Qureshi')
  const article = (await (await amina.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const bilal = await joinByInvite(amina, article.workspaceId, 'checker', 'Bilal Ahmed')

  // Bilal is on the workspace page, with nothing in the inbox.
  const bContext = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
    storageState: await bilal.api.storageState(),
  })
  const bPage = await bContext.newPage()
  await openWorkspace(bPage, article.workspaceId)
  await expect(bPage.getByTestId('inbox-count')).toHaveCount(0)
  await bPage.getByTestId('inbox').getByRole('button').click()
  await expect(bPage.getByText('Nothing yet.')).toBeVisible()
  await screenshot(bPage, 'inbox-empty-1440')
  // Nothing to focus in an empty list: the button closes it again.
  await bPage.getByTestId('inbox').getByRole('button').click()
  await expect(bPage.getByText('Nothing yet.')).toHaveCount(0)

  // Amina marks the figure and asks Bilal about it.
  const a = await openDesk(browser, amina, article.id, { width: 1440, height: 900 })
  await selectInArticle(a.page, FIGURE)
  await a.page.getByTestId('mark-claim').click()
  const aCard = card(a, FIGURE)
  await expect(aCard).toHaveAttribute('data-open', 'true')
  const claimId = await aCard.getAttribute('data-claim-id')
  const composer = aCard.getByTestId('comment-input')
  await composer.fill('Can you find the ISPR statement, @Bil')
  await expect(aCard.getByTestId('mention-list')).toContainText('Bilal Ahmed')
  await composer.press('Enter')
  await composer.pressSequentially('please?')
  await aCard.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(aCard.getByTestId('comment')).toHaveCount(1)
  // Amina is not told of her own comment.
  await expect(a.page.getByTestId('inbox-count')).toHaveCount(0)

  // Bilal's count goes up without a reload.
  await expect(bPage.getByTestId('inbox-count')).toHaveText('1')
  await expect(bPage.getByTestId('inbox').getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible()
  await bPage.getByTestId('inbox').getByRole('button').click()
  const item = bPage.getByTestId('inbox-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Amina Qureshi mentioned you on a claim')
  await screenshot(bPage, 'inbox-open-1440')

  // A second browser of Bilal's, on a phone: the same unread notification.
  const phone = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 390, height: 844 },
    reducedMotion: 'reduce',
    storageState: await bilal.api.storageState(),
  })
  const phonePage = await phone.newPage()
  await openWorkspace(phonePage, article.workspaceId)
  await expect(phonePage.getByTestId('inbox-count')).toHaveText('1')
  await phonePage.getByTestId('inbox').getByRole('button').click()
  await screenshot(phonePage, 'inbox-open-390')

  // Opening it lands on the claim, its card open, and it is read.
  await item.click()
  await expect(bPage).toHaveURL(new RegExp(`/a/${article.id}\\?claim=${claimId}$`))
  await expect(bPage.getByTestId('article-editor').locator('.ProseMirror')).toContainText(SEED_OPENING)
  const bCard = bPage.getByTestId('claims-sidebar').locator(`[data-claim-id="${claimId}"]`)
  await expect(bCard).toHaveAttribute('data-open', 'true')
  await expect(bCard.getByTestId('comment')).toContainText('Can you find the ISPR statement')
  await expect(bPage.getByTestId('inbox-count')).toHaveCount(0)
  await screenshot(bPage, 'inbox-landed-on-claim-1440')

  // Read on the server: the phone sees it read after a reload.
  await phonePage.reload()
  await expect(phonePage.getByTestId('inbox')).toBeVisible()
  await expect(phonePage.getByTestId('inbox-count')).toHaveCount(0)

  await a.close()
  await bContext.close()
  await phone.close()
})
