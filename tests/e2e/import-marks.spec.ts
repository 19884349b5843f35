import { request } from '@playwright/test'
import { baseUrl, expect, newAccount, screenshot, test } from './fixtures'

// An article imported from HTML opens in the editor looking like its source: bold,
// italic and safe links kept, a javascript: link reduced to its words.

const HTML = [
  '<h2>Roads <em>report</em></h2>',
  '<p>The <strong>minister</strong> said <b><i>40%</i></b> of <a href="https://news.example/roads">roads were <b>repaired</b></a>,',
  ' <a href="javascript:alert(document.cookie)">officials</a> said.</p>',
].join('')

test('an HTML article keeps its bold, italic and links in the editor', async ({ browser }) => {
  const account = newAccount('Importer')
  const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { Origin: baseUrl() } })
  expect((await api.post('/api/auth/signup', { data: { email: account.email, password: account.password, name: account.name } })).status()).toBe(201)
  const [workspace] = (await (await api.get('/api/workspaces')).json()) as Array<{ id: string }>
  const created = await api.post(`/api/workspaces/${workspace!.id}/articles`, { data: { title: 'Roads, imported', html: HTML } })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 720 }, storageState: await api.storageState() })
  const page = await context.newPage()
  await page.goto(`/a/${id}`)
  const text = page.getByTestId('article-editor').locator('.ProseMirror')
  await expect(text).toContainText('The minister said 40% of roads were repaired, officials said.')

  await expect(text.locator('h2 em')).toHaveText('report')
  await expect(text.locator('p strong').first()).toHaveText('minister')
  await expect(text.locator('strong em, em strong')).toHaveText('40%')
  const link = text.locator('a[href="https://news.example/roads"]')
  await expect(link).toHaveText('roads were repaired')
  await expect(link.locator('strong')).toHaveText('repaired')
  await expect(text.locator('a')).toHaveCount(1)
  await expect(text.getByText('officials', { exact: false })).toBeVisible()
  await screenshot(page, 'import-marks-editor')

  await context.close()
  await api.dispose()
})
