import { getBodyText, markClaimAtText, setClaimField, setVerdict } from '@fc/shared'
import { expect, joinByInvite, openAs, screenshot, signUpByApi, test } from './fixtures'
import { stockClient } from './stock-client'

// A review request that is really a reopen (an approved claim changed) reads as what happened in
// the inbox: "<name> changed an approved claim", not "asked for a review".

const FIGURE = '84 Pakistani security personnel were killed'

test('the inbox words a reopened approved claim apart from a review request', async ({ browser }) => {
  test.setTimeout(120_000)
  const amina = await signUpByApi('Amina Qureshi')
  const article = (await (await amina.api.get('/api/demo')).json()) as {
    id: string
    docId: string
    workspaceId: string
  }
  const bilal = await joinByInvite(amina, article.workspaceId, 'checker', 'Bilal Ahmed')
  const { token } = (await (await bilal.api.post('/api/tokens', { data: { name: 'bot' } })).json()) as {
    token: string
  }

  // Bilal marks the figure with a verdict from a stock client and asks for a review; Amina approves.
  const bot = await stockClient(article.docId, token)
  const from = getBodyText(bot.doc).indexOf(FIGURE)
  expect(from).toBeGreaterThanOrEqual(0)
  const claimId = markClaimAtText(bot.doc, from, from + FIGURE.length, { createdBy: bilal.userId })
  setVerdict(bot.doc, claimId, 'false', 'ISPR gave a lower figure.')
  const reviews = `/api/articles/${article.id}/claims/${claimId}`
  await expect
    .poll(async () => (await bilal.api.post(`${reviews}/review-request`, { data: {} })).status(), { timeout: 10_000 })
    .toBe(201)
  expect((await amina.api.post(`${reviews}/decisions`, { data: { decision: 'approve' } })).status()).toBe(201)

  // Bilal then changes the approved rationale: the claim goes back to review and Amina is told.
  setClaimField(bot.doc, claimId, 'rationale', 'ISPR gave 12 killed.')
  await expect
    .poll(async () => {
      const list = (await (await amina.api.get('/api/me/notifications')).json()) as { reason?: string }[]
      return list.map((n) => n.reason)
    })
    .toEqual(['changed-after-approval', 'requested'])
  bot.close()

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const page = await openAs(browser, amina, `/w/${article.workspaceId}`, viewport)
    try {
      await expect(page.getByTestId('inbox-count')).toHaveText('2')
      await page.getByTestId('inbox').getByRole('button').click()
      const items = page.getByTestId('inbox-item')
      await expect(items).toHaveCount(2)
      await expect(items.nth(0)).toContainText('Bilal Ahmed changed an approved claim')
      await expect(items.nth(1)).toContainText('Bilal Ahmed asked for a review of a claim')
      await screenshot(page, `inbox-reopen-${viewport.width}`)
    } finally {
      await page.context().close()
    }
  }
})
