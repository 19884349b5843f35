import type { Browser, Page } from '@playwright/test'
import { installProbe, type ProbeSamples } from './probe.js'
import type { ApiSession, SeededArticle } from './seed.js'

/** What is typed: ordinary words and spaces, the keys a checker's correction is made of. */
const PHRASE = 'the ministry said forty soldiers were killed on monday '

export interface TypingPlan {
  /** Keys measured (after the warm-up keys). */
  keys: number
  warmupKeys: number
  /** Time between key presses: 100 ms is a fast typist (about 120 words a minute). */
  intervalMs: number
}

/** Signs the account in inside a fresh browser context and opens the article, probe installed. */
export async function openArticle(browser: Browser, session: ApiSession, article: SeededArticle): Promise<Page> {
  const context = await browser.newContext({ baseURL: session.baseUrl, viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  // tsx's transform may name functions through a helper the page does not have.
  await page.addInitScript({ content: `var __name = (f) => f; (${installProbe.toString()})();` })
  const login = await context.request.post('/api/auth/login', {
    data: { email: session.account.email, password: session.account.password },
  })
  if (!login.ok()) throw new Error(`login: ${login.status()} ${await login.text()}`)
  await page.goto(`/a/${article.id}`)
  const text = page.getByTestId('article-editor').locator('.ProseMirror')
  await text.waitFor({ state: 'visible', timeout: 60_000 })
  if (article.claims > 0) {
    // Every claim listed in the claims tab, and the ones near the window drawn in the text
    // (claimPainter.ts draws only those).
    const ready = (n: number) => {
      const listed = Number(document.querySelector('[data-testid="sidebar-tab-claims-count"]')?.textContent ?? 0)
      let drawn = 0
      for (const [name, h] of CSS.highlights as unknown as Map<string, Set<unknown>>)
        if (name.startsWith('claim-')) drawn += h.size
      return listed >= n * 0.95 && drawn > 0
    }
    await page.waitForFunction(`(${ready.toString()})(${article.claims})`, undefined, { timeout: 60_000 })
  }
  // Let the first render, the claims panel and the suggestions settle before measuring.
  await page.waitForTimeout(2_000)
  return page
}

/** Puts the caret at the end of a paragraph near the top of the window (in the middle of claims, if any). */
export async function placeCaret(page: Page, paragraph: number): Promise<void> {
  const target = page.getByTestId('article-editor').locator('.ProseMirror > p').nth(paragraph)
  await target.scrollIntoViewIfNeeded()
  await target.click()
  await page.keyboard.press('End')
  await page.waitForTimeout(300)
}

/**
 * Presses `plan.warmupKeys + plan.keys` real keys (CDP key events, as a person's keyboard
 * sends them) on a fixed schedule: a key waits for the previous one's delivery, never for
 * the page to be done with it, so a slow page is measured as slow, not given more time.
 */
export async function typeKeys(
  page: Page,
  plan: TypingPlan,
  onArm: () => Promise<void> = async () => {},
): Promise<void> {
  const total = plan.warmupKeys + plan.keys
  let next = performance.now()
  for (let i = 0; i < total; i++) {
    if (i === plan.warmupKeys) await onArm()
    const wait = next - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    next += plan.intervalMs
    const ch = PHRASE[i % PHRASE.length]!
    await page.keyboard.press(ch === ' ' ? 'Space' : ch)
  }
  // The last keys' frames.
  await page.waitForTimeout(500)
}

export async function arm(page: Page, armed: boolean): Promise<void> {
  await page.evaluate((on) => {
    ;(window as unknown as { __typingProbe: { armed: boolean } }).__typingProbe.armed = on
  }, armed)
}

export async function samples(page: Page): Promise<ProbeSamples> {
  return page.evaluate(() => {
    const p = (window as unknown as { __typingProbe: ProbeSamples }).__typingProbe
    return { local: p.local, remote: p.remote, remotePaintedAt: p.remotePaintedAt, keyAt: p.keyAt }
  })
}
