import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE_URL_ENV } from './env'

const screensDir = fileURLToPath(new URL('../../.screens/', import.meta.url))

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV]
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: global setup did not start the server`)
  return url
}

/** One person at one browser: an isolated context, so storage and sockets are their own. */
export interface Person {
  name: string
  context: BrowserContext
  page: Page
  editor: Locator
  /** The contenteditable surface inside the editor root. */
  text: Locator
  presence: Locator
  badge: Locator
}

export interface OpenOptions {
  path?: string
  viewport?: { width: number; height: number }
  /** Runs before the first navigation, e.g. to route requests. */
  prepare?: (page: Page) => Promise<unknown>
}

/** Opens the app as a first-time visitor who gives `name` in the welcome form. */
export async function openAs(browser: Browser, name: string, options: OpenOptions = {}): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl(), ...(options.viewport ? { viewport: options.viewport } : {}) })
  const page = await context.newPage()
  await options.prepare?.(page)
  await page.goto(options.path ?? '/')
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Open the article' }).click()
  const editor = page.getByTestId('article-editor')
  return {
    name,
    context,
    page,
    editor,
    text: editor.locator('[contenteditable="true"]'),
    presence: page.getByTestId('presence-list'),
    badge: page.getByTestId('connection-badge'),
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true })
  await page.screenshot({ path: path.join(screensDir, `${name}.png`) })
}

export const test = base
export { expect }
