import { getBodyText, markClaimAtText } from '@fc/shared'
import { expect, openAs, screenshot, SEED_TITLE, signUpByApi, test } from './fixtures'
import { stockClient } from './stock-client'

// The workspace Activity page names each line's article (its title, linked), from the feed's one
// request: no fetch per line.

const SECOND_TITLE = 'Schools reopened on Monday, the ministry says'

test('the workspace activity page names and links each line’s article, from one request', async ({ browser }) => {
  test.setTimeout(120_000)
  const amina = await signUpByApi('Amina Qureshi')
  const demo = (await (await amina.api.get('/api/demo')).json()) as { id: string; docId: string; workspaceId: string }
  const created = await amina.api.post(`/api/workspaces/${demo.workspaceId}/articles`, {
    data: {
      title: SECOND_TITLE,
      text: 'The ministry said 40 schools reopened on Monday. Local officials disputed it.',
    },
  })
  expect(created.status()).toBe(201)
  const second = (await created.json()) as { id: string; docId: string }
  const { token } = (await (await amina.api.post('/api/tokens', { data: { name: 'marker' } })).json()) as {
    token: string
  }
  // One claim in each article, from a stock client (as a bot would).
  for (const [docId, quote] of [
    [demo.docId, '84 Pakistani security personnel were killed'],
    [second.docId, '40 schools reopened'],
  ] as const) {
    const bot = await stockClient(docId, token)
    const from = getBodyText(bot.doc).indexOf(quote)
    expect(from).toBeGreaterThanOrEqual(0)
    markClaimAtText(bot.doc, from, from + quote.length, { createdBy: amina.userId })
    await expect
      .poll(async () => {
        const feed = (await (await amina.api.get(`/api/workspaces/${demo.workspaceId}/activity`)).json()) as {
          summary: string
        }[]
        return feed.some((i) => i.summary.includes(quote))
      })
      .toBe(true)
    bot.close()
  }

  for (const width of [1440, 1024, 390]) {
    const page = await openAs(browser, amina, '/', { width, height: width === 390 ? 844 : 900 })
    const articleReads: string[] = []
    const feedReads: string[] = []
    page.on('request', (r) => {
      const url = new URL(r.url())
      if (/^\/api\/articles\/[^/]+$/.test(url.pathname)) articleReads.push(url.pathname)
      if (url.pathname === `/api/workspaces/${demo.workspaceId}/activity`) feedReads.push(url.pathname)
    })
    await page.goto(`/w/${demo.workspaceId}/activity`)
    const items = page.getByTestId('activity-page').getByTestId('activity-item')
    await expect(items).toHaveCount(2)
    // Newest first: the second article's claim, then the seed's; each line names its own article.
    await expect(items.nth(0).getByTestId('activity-article')).toHaveText(SECOND_TITLE)
    await expect(items.nth(1).getByTestId('activity-article')).toHaveText(SEED_TITLE)
    await expect(items.nth(0).getByTestId('activity-article')).toHaveAttribute('href', `/a/${second.id}`)
    expect(feedReads).toHaveLength(1)
    expect(articleReads).toEqual([])
    await screenshot(page, `activity-titles-${width}`)
    if (width === 1440) {
      await items.nth(0).getByTestId('activity-article').click()
      await expect(page).toHaveURL(new RegExp(`/a/${second.id}$`))
      await expect(page.getByTestId('article-editor')).toContainText('40 schools reopened')
    }
    await page.context().close()
  }
})
