import {
  request,
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE_URL_ENV } from './env'

const screensDir = fileURLToPath(new URL('../../.screens/', import.meta.url))

/** The seed article every new account gets a copy of (server/src/articles/demo.ts). */
export const SEED_TITLE = 'BLA claims 84 security personnel killed in “Operation Herof Phase II”'
/** Its opening words, as the server writes them into the document. */
export const SEED_OPENING = 'The Baloch Liberation Army (BLA) has claimed responsibility'
export const PASSWORD = 'correct horse battery staple'

// Emails must be unique per run: a reused server (FC_E2E_BASE_URL) keeps old accounts.
const RUN = Math.random().toString(36).slice(2, 8)
let counter = 0

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV]
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: global setup did not start the server`)
  return url
}

export interface Account {
  name: string
  email: string
  password: string
}

export function newAccount(name: string): Account {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')
  return { name, email: `${slug}.${RUN}.${++counter}@desk.example`, password: PASSWORD }
}

/** One person at one browser: an isolated context, so cookies and sockets are their own. */
export interface Person {
  account: Account
  name: string
  context: BrowserContext
  page: Page
  editor: Locator
  /** The ProseMirror surface inside the editor root (editable or not). */
  text: Locator
  presence: Locator
  badge: Locator
}

export interface OpenOptions {
  viewport?: { width: number; height: number }
  /** Runs before the first navigation, e.g. to route requests. */
  prepare?: (page: Page) => Promise<unknown>
}

export async function newPerson(browser: Browser, account: Account, options: OpenOptions = {}): Promise<Person> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    ...(options.viewport ? { viewport: options.viewport } : {}),
  })
  const page = await context.newPage()
  await options.prepare?.(page)
  const editor = page.getByTestId('article-editor')
  return {
    account,
    name: account.name,
    context,
    page,
    editor,
    text: editor.locator('.ProseMirror'),
    presence: page.getByTestId('presence-list'),
    badge: page.getByTestId('connection-badge'),
  }
}

/** Fills the sign-up form on the current page (at /signup, or where an invite link sent us). */
export async function fillSignup(page: Page, account: Account): Promise<void> {
  const form = page.getByTestId('signup-form')
  await form.getByLabel('Your name').fill(account.name)
  await form.getByLabel('Email').fill(account.email)
  await form.getByLabel('Password', { exact: true }).fill(account.password)
  await form.getByRole('button', { name: 'Create account' }).click()
}

export async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form')
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password', { exact: true }).fill(password)
  await form.getByRole('button', { name: 'Log in' }).click()
}

/**
 * A new person signs up in the UI, at `/signup` or through an invite link, and lands
 * in a workspace's article list (their own, or the one they were invited to).
 */
export async function signUp(
  browser: Browser,
  name: string,
  options: OpenOptions & { path?: string } = {},
): Promise<Person> {
  const person = await newPerson(browser, newAccount(name), options)
  await person.page.goto(options.path ?? '/signup')
  await fillSignup(person.page, person.account)
  await expect(person.page).toHaveURL(/\/w\/[A-Za-z0-9_-]+$/)
  await expect(person.page.getByTestId('workspace-name')).toBeVisible()
  return person
}

/** On a workspace's article list: mints an invite for `role` and returns its link. */
export async function createInvite(
  person: Person,
  role: 'owner' | 'editor' | 'checker' | 'viewer',
  options: { screenshots?: string } = {},
): Promise<string> {
  const { page } = person
  await page.getByRole('button', { name: 'Invite people' }).click()
  const dialog = page.getByTestId('invite-dialog')
  await dialog.getByRole('radio', { name: new RegExp(`^${role}`, 'i') }).check()
  if (options.screenshots) await screenshot(page, `${options.screenshots}-role`)
  await dialog.getByRole('button', { name: 'Create invite link' }).click()
  const link = await dialog.getByTestId('invite-link').getByRole('textbox').inputValue()
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{24}$/)
  if (options.screenshots) await screenshot(page, `${options.screenshots}-link`)
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
  return link
}

/** Opens an article from the current workspace's list and waits for its text. */
export async function openArticle(person: Person, title: string = SEED_TITLE): Promise<void> {
  await person.page.getByTestId('article-list').getByRole('link', { name: title }).click()
  await expect(person.page).toHaveURL(/\/a\/[A-Za-z0-9_-]+$/)
  await expect(person.text).toBeVisible()
}

/** Selects `needle` in the article the way a mouse would: a DOM range the editor picks up. */
export async function selectInArticle(page: Page, needle: string): Promise<void> {
  await page.evaluate(async (wanted) => {
    const root = document.querySelector<HTMLElement>('[data-testid="article-editor"] .ProseMirror')
    if (root === null) throw new Error('no editor')
    // Focus first and let the editor settle: coming from elsewhere (a claim card after saving a
    // verdict) it puts back its own selection on focus, which would replace the range set below.
    root.focus()
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const nodes: Array<{ node: Text; start: number }> = []
    let all = ''
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      // Other people's caret labels live inside the text: they are not the article's words.
      acceptNode: (n) =>
        n.parentElement?.closest('.collab-caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    })
    while (walker.nextNode()) {
      const node = walker.currentNode as Text
      nodes.push({ node, start: all.length })
      all += node.data
    }
    const from = all.indexOf(wanted)
    if (from === -1) throw new Error(`"${wanted}" is not in the article`)
    const to = from + wanted.length
    const locate = (offset: number, end: boolean) => {
      const hit = nodes.find(({ node, start }) =>
        end
          ? offset > start && offset <= start + node.data.length
          : offset >= start && offset < start + node.data.length,
      )
      if (hit === undefined) throw new Error(`offset ${offset} not found`)
      return { node: hit.node, offset: offset - hit.start }
    }
    const a = locate(from, false)
    const b = locate(to, true)
    const range = document.createRange()
    range.setStart(a.node, a.offset)
    range.setEnd(b.node, b.offset)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, needle)
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screensDir, { recursive: true })
  await page.screenshot({ path: path.join(screensDir, `${name}.png`), fullPage: options.fullPage ?? false })
}

/** An API call made as the page's signed-in user (its cookies, our Origin); fails the test unless 2xx. */
export async function api(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<any> {
  const res = await page.request.fetch(path, { method, data, headers: { origin: baseUrl() } })
  expect(res.ok(), `${method} ${path}: ${res.status()}`).toBe(true)
  return res.status() === 204 ? null : res.json()
}

/** A page in a fresh browser context: a workshop participant's own browser, no account. */
export async function guestPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 860 },
    reducedMotion: 'reduce',
  })
  return context.newPage()
}

/** A person signed up over the API: the request context keeps the session cookie. */
export interface Signed {
  account: Account
  api: APIRequestContext
  userId: string
}

/** Signs up over the API; the request context keeps the session cookie. */
export async function signUpByApi(name: string): Promise<Signed> {
  const account = newAccount(name)
  // Cookie-authenticated writes must come from our origin (CSRF check): say so, as a browser would.
  const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { Origin: baseUrl() } })
  const response = await api.post('/api/auth/signup', {
    data: { email: account.email, password: account.password, name },
  })
  expect(response.status(), await response.text()).toBe(201)
  const { user } = (await response.json()) as { user: { id: string } }
  return { account, api, userId: user.id }
}

/** `owner` invites to the workspace with `role`; a new person signs up over the API and accepts. */
export async function joinByInvite(
  owner: Signed,
  workspaceId: string,
  role: 'editor' | 'checker' | 'viewer',
  name: string,
): Promise<Signed> {
  const invite = await owner.api.post(`/api/workspaces/${workspaceId}/invites`, { data: { role } })
  expect(invite.status()).toBe(201)
  const { code } = (await invite.json()) as { code: string }
  const person = await signUpByApi(name)
  expect((await person.api.post(`/api/invites/${code}/accept`)).status()).toBe(200)
  return person
}

export interface Desk {
  page: Page
  text: Locator
  sidebar: Locator
  close: () => Promise<void>
}

/** A browser context carrying the API session's cookie, open on the article, synced and connected. */
export async function openDesk(
  browser: Browser,
  who: Pick<Signed, 'api'>,
  articleId: string,
  viewport = { width: 1280, height: 860 },
): Promise<Desk> {
  // Reduced motion: scrolls happen at once, so screenshots never catch one half-way.
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    reducedMotion: 'reduce',
    storageState: await who.api.storageState(),
  })
  const page = await context.newPage()
  await page.goto(`/a/${articleId}`)
  const text = page.getByTestId('article-editor').locator('.ProseMirror')
  await expect(text).toContainText(SEED_OPENING)
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
  return { page, text, sidebar: page.getByTestId('claims-sidebar'), close: () => context.close() }
}

/** The claim card whose quote is exactly `quote`. */
export function card(desk: Desk, quote: string): Locator {
  return desk.sidebar
    .getByTestId('claim-card')
    .filter({ has: desk.page.getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

/** A signed-in page of `who` (the API session's cookie) on `path`. */
export async function openAs(
  browser: Browser,
  who: Signed,
  path: string,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    reducedMotion: 'reduce',
    storageState: await who.api.storageState(),
  })
  const page = await context.newPage()
  await page.goto(path)
  return page
}

/** On `/join/<code>`: fills the join form and waits for the participant's copy, synced and connected. */
export async function joinWorkshop(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join/${code}`)
  await page.getByTestId('join-form').getByLabel('Your name').fill(name)
  await page.getByTestId('join-form').getByRole('button', { name: 'Join workshop' }).click()
  await expect(page.getByTestId('article-editor').locator('.ProseMirror')).toContainText(SEED_OPENING)
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
}

/**
 * Every test fails on a Content Security Policy violation in any of its pages (the server
 * sends a strict CSP, server/src/routes/security-headers.ts): Chromium reports each one as
 * a console error, so a build that grows an inline script, or a feature that loads from
 * elsewhere, is caught in the browser. Tests open their own contexts from `browser`, so
 * its newContext is watched for the test's duration.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: Playwright's fixture type for a fixture that provides no value
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ browser }, use) => {
      const violations: string[] = []
      const watched = new WeakSet<BrowserContext>()
      const watch = (context: BrowserContext): BrowserContext => {
        if (watched.has(context)) return context
        watched.add(context)
        context.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
            violations.push(`${message.location().url}: ${message.text()}`)
        })
        return context
      }
      const { newContext, newPage } = browser
      browser.newContext = async (options) => watch(await newContext.call(browser, options))
      browser.newPage = async (options) => {
        const page = await newPage.call(browser, options)
        watch(page.context())
        return page
      }
      try {
        await use()
      } finally {
        browser.newContext = newContext
        browser.newPage = newPage
      }
      expect(violations, 'Content Security Policy violations in the browser console').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }
