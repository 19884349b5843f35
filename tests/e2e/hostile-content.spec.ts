import type { Page } from '@playwright/test'
import * as Y from 'yjs'
import {
  baseUrl,
  expect,
  joinByInvite,
  type openDesk,
  selectInArticle,
  signUpByApi,
  test,
  type Signed,
} from './fixtures'
import { stockClient } from './stock-client'

// Stored cross-site scripting, tried as an attacker would: every field a user, a guest or a stock
// socket can fill holds markup or a `javascript:` URL, and every screen that shows it is opened.
// Nothing may run (each payload calls window.__xss, recorded by an init script), no element may
// carry an event-handler attribute or a javascript: link, and no inline script may be in the
// page — whether or not the CSP would have stopped it (the fixture fails on CSP violations too).

const payload = (where: string) =>
  `<img src=x onerror="window.__xss('${where}')">"><svg onload=window.__xss('${where}')>`
const scriptUrl = (where: string) => `javascript:window.__xss('${where}')`
const CLAIM_TEXT = 'Officials said 84 people died in the attack'

/** What this run injected, for the summary line (and the README's figures). */
const injected = new Set<string>()
const screens = new Set<string>()
function field(name: string): string {
  injected.add(name)
  return payload(name)
}

async function watchForScripts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const hits: string[] = []
    Object.defineProperty(window, '__xss', { value: (where: string) => hits.push(where) })
    Object.defineProperty(window, '__xssHits', { value: hits })
  })
}

/** Fails when anything injected could run on this screen. */
async function expectInert(page: Page, screen: string): Promise<void> {
  screens.add(screen)
  await page.waitForLoadState('networkidle')
  const found = await page.evaluate(() => {
    const bad: string[] = []
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`${el.tagName} ${attr.name}`)
        if (
          /^(href|src|action|formaction|xlink:href|srcdoc)$/i.test(attr.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attr.value) &&
          !(el.tagName === 'IMG' && attr.value.startsWith('data:image/'))
        ) {
          bad.push(`${el.tagName} ${attr.name}=${attr.value}`)
        }
      }
      if (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src) bad.push('inline <script>')
      if (el.tagName === 'IFRAME' || el.tagName === 'OBJECT' || el.tagName === 'EMBED') bad.push(el.tagName)
    }
    return { bad, hits: [...((window as unknown as { __xssHits?: string[] }).__xssHits ?? [])] }
  })
  expect(found.hits, `${screen}: injected script ran`).toEqual([])
  expect(found.bad, `${screen}: injected markup in the DOM`).toEqual([])
}

async function apiJson(
  who: Signed,
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await who.api.fetch(path, { method: method.toUpperCase(), ...(data === undefined ? {} : { data }) })
  const text = await res.text()
  return { status: res.status(), body: text ? JSON.parse(text) : null }
}

test('stored markup and javascript: URLs in every user-filled field run nowhere', async ({ browser }) => {
  test.setTimeout(240_000)
  const owner = await signUpByApi(`<img src=x onerror="window.__xss('owner-name')">`)
  injected.add('display name').add('workspace name (from the display name)')
  const [workspace] = (await apiJson(owner, 'get', '/api/workspaces')).body as Array<{ id: string }>
  const workspaceId = workspace!.id
  const checker = await joinByInvite(owner, workspaceId, 'checker', `"><svg onload=window.__xss('checker-name')>`)

  // HTTP: refused where a URL must be http(s), kept as text everywhere else.
  expect(
    (
      await apiJson(owner, 'post', `/api/workspaces/${workspaceId}/articles`, {
        title: 'x',
        text: 'x',
        sourceUrl: scriptUrl('source'),
      })
    ).status,
  ).toBe(400)
  const article = await apiJson(owner, 'post', `/api/workspaces/${workspaceId}/articles`, {
    title: field('article title'),
    sourceUrl: `https://example.com/?q="><img src=x onerror=window.__xss('source-url')>`,
    markdown: [
      `# ${field('markdown heading')}`,
      `${CLAIM_TEXT}, according to [a link](${scriptUrl('markdown-link')}) and <img src=x onerror="window.__xss('markdown-html')">.`,
      `<script>window.__xss('markdown-script')</script>`,
      `A second paragraph with [an image link](javascript:alert(1)) and ${field('markdown text')}.`,
    ].join('\n\n'),
  })
  expect(article.status).toBe(201)
  injected.add('source URL').add('markdown link').add('markdown raw HTML')
  const htmlArticle = await apiJson(owner, 'post', `/api/workspaces/${workspaceId}/articles`, {
    title: 'Imported page',
    html: `<p>The minister said <a href="${scriptUrl('html-link')}">84 people</a> died.<img src=x onerror="window.__xss('html-img')"></p><iframe src="${scriptUrl('iframe')}"></iframe><script>window.__xss('html-script')</script>`,
  })
  expect(htmlArticle.status).toBe(201)
  injected.add('HTML import')
  const { token } = (await apiJson(owner, 'post', '/api/tokens', { name: field('token name') })).body as {
    token: string
  }

  // A claim marked in the browser, then filled by a stock socket with whatever it likes.
  const desk = await openDeskOn(browser, owner, article.body.id)
  await selectInArticle(desk.page, CLAIM_TEXT)
  await desk.page.getByTestId('mark-claim').click()
  await expect(desk.sidebar.getByTestId('claim-card')).toHaveCount(1)
  const bot = await stockClient(article.body.docId, token)
  const claims = bot.doc.getMap<Y.Map<unknown>>('claims')
  const [claimId, claim] = [...claims.entries()][0]!
  bot.doc.transact(() => {
    claim.set('verdict', 'false')
    claim.set('rationale', field('verdict rationale'))
    claim.set('claimant', field('claimant'))
    claim.set('assignee', checker.userId)
    const link = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({
      id: 'ev-link',
      kind: 'link',
      url: scriptUrl('evidence-url'),
      title: field('evidence title'),
      quote: field('evidence quote'),
      stance: 'refutes',
      sourceName: field('evidence source'),
      addedBy: owner.userId,
      addedAt: new Date().toISOString(),
    }))
      link.set(k, v)
    const call = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({
      id: 'ev-call',
      kind: 'interview',
      url: '',
      title: 'Call',
      interviewee: field('interviewee'),
      interviewedAt: field('interview time'),
      quote: '',
      stance: 'context',
      addedBy: owner.userId,
      addedAt: new Date().toISOString(),
    }))
      call.set(k, v)
    ;(claim.get('evidence') as Y.Array<unknown>).push([link, call])
    const comment = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({
      id: 'c-1',
      author: field('comment author (forged)'),
      text: `${field('comment text')} @checker`,
      at: new Date().toISOString(),
      mentions: [checker.userId],
    }))
      comment.set(k, v)
    ;(claim.get('comments') as Y.Array<unknown>).push([comment])
  })
  injected.add('evidence URL')
  await expect(desk.sidebar.getByTestId('claim-card')).toContainText('window.__xss')

  // The desk: a request with a note, changes requested with a note, approval, publication.
  expect(
    (
      await apiJson(checker, 'post', `/api/articles/${article.body.id}/claims/${claimId}/review-request`, {
        note: field('review request note'),
      })
    ).status,
  ).toBe(201)
  expect(
    (
      await apiJson(owner, 'post', `/api/articles/${article.body.id}/claims/${claimId}/decisions`, {
        decision: 'request-changes',
        note: field('decision note'),
      })
    ).status,
  ).toBe(201)
  expect(
    (
      await apiJson(owner, 'post', `/api/articles/${article.body.id}/claims/${claimId}/decisions`, {
        decision: 'approve',
      })
    ).status,
  ).toBe(201)
  expect(
    (await apiJson(owner, 'post', `/api/articles/${article.body.id}/publish`, { url: scriptUrl('publish') })).status,
  ).toBe(400)
  expect(
    (
      await apiJson(owner, 'post', `/api/articles/${article.body.id}/publish`, {
        url: `https://example.com/check"><img src=x onerror=window.__xss('publish-url')>`,
      })
    ).status,
  ).toBe(200)
  injected.add('publication URL')
  bot.doc.transact(() => claim.set('rationale', field('rationale after publication')))
  await expect
    .poll(async () => (await apiJson(owner, 'get', `/api/articles/${article.body.id}/review`)).body.claims[0].state)
    .toBe('in-review')
  expect(
    (
      await apiJson(owner, 'post', `/api/articles/${article.body.id}/claims/${claimId}/decisions`, {
        decision: 'approve',
        note: field('approval note'),
      })
    ).status,
  ).toBe(201)
  expect(
    (await apiJson(owner, 'post', `/api/articles/${article.body.id}/publish`, { note: field('correction note') }))
      .status,
  ).toBe(200)
  bot.close()

  // Every screen the owner has that shows any of it.
  const page = desk.page
  await page.reload()
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
  await expectInert(page, 'article screen')
  await desk.sidebar.getByTestId('claim-card').first().click()
  await expect(desk.sidebar.getByTestId('evidence-item')).toHaveCount(2)
  await expect(desk.sidebar.getByTestId('comment-text')).toContainText('window.__xss')
  await expectInert(page, 'claim detail with evidence, discussion and review')
  await page.getByTestId('show-corrections').click()
  await expectInert(page, 'corrections log')
  await page.keyboard.press('Escape')
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-claimreview-preview').click()
  await expectInert(page, 'ClaimReview preview')
  await page.keyboard.press('Escape')
  for (const [path, screen] of [
    [`/w/${workspaceId}`, 'article list'],
    [`/w/${workspaceId}/review`, 'review queue'],
    [`/w/${workspaceId}/members`, 'members'],
    ['/account/tokens', 'API tokens'],
    ['/', 'home'],
  ] as const) {
    await page.goto(path)
    await expectInert(page, screen)
  }
  await page.goto(`/a/${htmlArticle.body.id}`)
  await expect(page.getByTestId('article-editor')).toContainText('84 people')
  await expectInert(page, 'imported HTML article')

  // The checker's inbox (mention, assignment, decisions) and the claim as they see it.
  const checkerDesk = await openDeskOn(browser, checker, article.body.id)
  await expect(checkerDesk.page.getByTestId('inbox-count')).not.toHaveText('0')
  await checkerDesk.page.getByTestId('inbox-count').click()
  await expectInert(checkerDesk.page, 'inbox')
  await checkerDesk.close()

  // A workshop: hostile title, key rationale and guest name, through the trainer's every tab.
  const workshop = await apiJson(owner, 'post', `/api/workspaces/${workspaceId}/workshops`, {
    articleId: article.body.id,
    title: field('workshop title'),
  })
  expect(workshop.status).toBe(201)
  expect(
    (
      await apiJson(owner, 'put', `/api/workshops/${workshop.body.id}/key`, {
        claims: [{ quote: CLAIM_TEXT, verdict: 'false', rationale: field('answer key rationale') }],
      })
    ).status,
  ).toBe(204)
  const guest = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 860 } })
  const guestPage = await guest.newPage()
  await watchForScripts(guestPage)
  await guestPage.goto(`/join/${workshop.body.joinCode}`)
  await guestPage.getByTestId('join-form').getByLabel('Your name').fill(field('guest name'))
  await guestPage.getByTestId('join-form').getByRole('button', { name: 'Join workshop' }).click()
  await expect(guestPage.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
  await selectInArticle(guestPage, CLAIM_TEXT)
  await guestPage.getByTestId('mark-claim').click()
  const guestCard = guestPage.getByTestId('claims-sidebar').getByTestId('claim-card').first()
  await guestCard.getByTestId('verdict-select').selectOption('false')
  await guestCard.getByTestId('verdict-rationale-input').fill(field('participant rationale'))
  await guestCard.getByRole('button', { name: 'Save verdict' }).click()
  await expectInert(guestPage, 'participant copy')

  await page.goto(`/w/${workspaceId}/workshops`)
  await expectInert(page, 'workshop list')
  await page.goto(`/w/${workspaceId}/workshops/${workshop.body.id}`)
  for (const tab of ['join', 'live', 'key', 'results']) {
    await page.getByTestId(`tab-${tab}`).click()
    if (tab === 'live') {
      await expect(page.getByTestId('heat-run').filter({ hasText: '84' }).first()).toHaveAttribute('data-n', '1')
      await page.getByTestId('heat-run').filter({ hasText: '84' }).first().click()
      await expect(page.getByTestId('heatmap-who')).toContainText('window.__xss')
    }
    if (tab === 'results') await expect(page.getByTestId('chart-scores').locator('svg')).toBeVisible()
    await expectInert(page, `trainer: ${tab} tab`)
  }
  await page.getByTestId('reveal').click()
  await page.getByTestId('reveal-dialog').getByTestId('confirm-reveal').click()
  await expect(guestPage.getByTestId('key-debrief')).toBeVisible({ timeout: 10_000 })
  await expect(guestPage.getByTestId('key-debrief')).toContainText('window.__xss')
  await expectInert(guestPage, 'participant debrief')
  await page.getByTestId('tab-results').click()
  await expectInert(page, 'trainer: results after the reveal')
  await guest.close()
  await desk.close()
  console.log(
    `[hostile-content] ${injected.size} injection points, markup + javascript: payloads, checked on ${screens.size} screens: nothing ran`,
  )
})

async function openDeskOn(browser: Parameters<typeof openDesk>[0], who: Signed, articleId: string) {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 860 },
    reducedMotion: 'reduce',
    storageState: await who.api.storageState(),
  })
  const page = await context.newPage()
  await watchForScripts(page)
  await page.goto(`/a/${articleId}`)
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
  return { page, sidebar: page.getByTestId('claims-sidebar'), close: () => context.close() }
}
