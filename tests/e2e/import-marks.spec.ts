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
  expect(
    (
      await api.post('/api/auth/signup', {
        data: { email: account.email, password: account.password, name: account.name },
      })
    ).status(),
  ).toBe(201)
  const [workspace] = (await (await api.get('/api/workspaces')).json()) as Array<{ id: string }>
  const created = await api.post(`/api/workspaces/${workspace!.id}/articles`, {
    data: { title: 'Roads, imported', html: HTML },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 720 },
    storageState: await api.storageState(),
  })
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

// News articles are full of block quotes (the statements to check) and lists: they open in
// the editor as such, legible in the reading column.
const STRUCTURED_HTML = [
  '<h2>What the minister said</h2>',
  '<p>At Tuesday’s briefing the minister listed the year’s works:</p>',
  '<ul><li>Roads: <b>40%</b> of the national network repaired</li><li>Bridges: 12 rebuilt<ul><li>8 in the north</li><li>4 in the south</li></ul></li></ul>',
  '<ol start="3"><li>Third, the budget stayed within its limits.</li><li>Fourth, no contract was late.</li></ol>',
  '<ol type="a"><li>the northern route</li><li>the coastal road</li></ol>',
  '<ol type="I"><li>Findings</li><li>Sources</li></ol>',
  '<blockquote onclick="alert(1)"><p>We repaired 40% of the roads in one year. No government has ever done more.</p><p>And we did it under budget.</p></blockquote>',
  '<h5>Method</h5>',
  '<p>The figures come from the ministry’s own table:</p>',
  '<pre><code>region   repaired_km   planned_km\nnorth    412           &lt; 500\nsouth    301           350</code></pre>',
  '<p>Our checks follow below.</p>',
].join('')

test('an HTML article keeps its lists, block quotes and code blocks in the editor', async ({ browser }) => {
  const account = newAccount('Structure importer')
  const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { Origin: baseUrl() } })
  expect(
    (
      await api.post('/api/auth/signup', {
        data: { email: account.email, password: account.password, name: account.name },
      })
    ).status(),
  ).toBe(201)
  const [workspace] = (await (await api.get('/api/workspaces')).json()) as Array<{ id: string }>
  const created = await api.post(`/api/workspaces/${workspace!.id}/articles`, {
    data: { title: 'Roads, structured', html: STRUCTURED_HTML },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1440, height: 900 },
    storageState: await api.storageState(),
  })
  const page = await context.newPage()
  await page.goto(`/a/${id}`)
  const text = page.getByTestId('article-editor').locator('.ProseMirror')
  await expect(text.locator('blockquote')).toBeVisible()

  await expect(text.locator(':scope > ul > li')).toHaveCount(2)
  await expect(text.locator('ul li ul li')).toHaveText(['8 in the north', '4 in the south'])
  await expect(text.locator('ul li strong')).toHaveText('40%')
  const [numbered, lettered, roman] = [text.locator('ol').nth(0), text.locator('ol').nth(1), text.locator('ol').nth(2)]
  await expect(numbered).toHaveAttribute('start', '3')
  await expect(numbered.locator('li')).toHaveCount(2)
  await expect(lettered).toHaveAttribute('type', 'a')
  await expect(roman).toHaveAttribute('type', 'I')
  await expect(text.locator('blockquote p')).toHaveText([
    'We repaired 40% of the roads in one year. No government has ever done more.',
    'And we did it under budget.',
  ])
  await expect(text.locator('h5')).toHaveText('Method')
  // Verbatim: spaces and newlines as written (toHaveText would collapse them).
  expect(await text.locator('pre code').textContent()).toBe(
    'region   repaired_km   planned_km\nnorth    412           < 500\nsouth    301           350',
  )
  // Legible: bullets and numbers are drawn, the quote is set off from the body text.
  expect(await text.locator(':scope > ul').evaluate((el) => getComputedStyle(el).listStyleType)).toBe('disc')
  // The list's own numbering style shows, case included (a list typed "I" is not "i").
  const listStyle = (list: typeof numbered) => list.evaluate((el) => getComputedStyle(el).listStyleType)
  expect([await listStyle(numbered), await listStyle(lettered), await listStyle(roman)]).toEqual([
    'decimal',
    'lower-alpha',
    'upper-roman',
  ])
  const quote = await text.locator('blockquote').evaluate((el) => {
    const style = getComputedStyle(el)
    return { border: parseFloat(style.borderLeftWidth), padding: parseFloat(style.paddingLeft) }
  })
  expect(quote.border).toBeGreaterThan(0)
  expect(quote.padding).toBeGreaterThan(0)
  expect(await text.locator('pre').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i)
  await screenshot(page, 'import-structure-editor')
  await text.locator('pre').scrollIntoViewIfNeeded()
  await screenshot(page, 'import-structure-editor-code')

  await context.close()
  await api.dispose()
})
