import type { Browser, Locator } from '@playwright/test'
import {
  baseUrl,
  type Desk as FixtureDesk,
  expect,
  joinByInvite,
  openDesk as openDeskAt,
  screenshot,
  SEED_OPENING,
  type Signed,
  signUpByApi,
  test,
} from './fixtures'
import { expectDrawn } from './claim-text'

// The system's check-worthy sentences beside the claims: a checker sees why each one is
// suggested, finds it in the text, marks it as a claim in one step (live for a colleague)
// or dismisses it for themselves (remembered across a reload). A viewer sees the list but
// cannot mark; a workshop participant sees no suggestions at all.

/** In the seed article (shared/fixtures/seed-article.txt): a figure, a count of people, "claimed". */
const CAPTIVES = 'It also claimed to have taken 18 personnel captive, reported NDTV.'
const KILLED =
  'In its statement, the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded during the attacks.'
/** Suggested for its superlative ("largest"), and a background fact a checker may well skip. */
const BACKGROUND =
  'The Baloch Liberation Army is among several separatist organisations operating in Balochistan, Pakistan’s largest but least populated province.'

type Desk = FixtureDesk & { suggestions: Locator }

/** 1440×900, the size the screenshots are judged at; with the sidebar's suggestions panel. */
async function openDesk(browser: Browser, who: Signed, articleId: string): Promise<Desk> {
  const desk = await openDeskAt(browser, who, articleId, { width: 1440, height: 900 })
  return { ...desk, suggestions: desk.sidebar.getByTestId('suggestions-panel') }
}

function suggestion(desk: Desk, quote: string): Locator {
  return desk.suggestions.getByTestId('suggestion-list').locator(`[data-testid="suggestion"][data-quote="${quote}"]`)
}

/** The suggestions in the list (not the dismissed ones, when those are shown). */
function listed(desk: Desk): Locator {
  return desk.suggestions.getByTestId('suggestion-list').getByTestId('suggestion')
}

async function showSuggestions(desk: Desk): Promise<void> {
  await desk.sidebar.getByRole('tab', { name: /Suggested/ }).click()
  await expect(desk.suggestions).toBeVisible()
}

test('suggested claims: mark one live for a colleague, dismiss one for good, none for viewers to mark', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const amina = await signUpByApi('Amina Qureshi')
  const article = (await (await amina.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const bilal = await joinByInvite(amina, article.workspaceId, 'checker', 'Bilal Ahmed')
  const vera = await joinByInvite(amina, article.workspaceId, 'viewer', 'Vera Viewer')

  const a = await openDesk(browser, amina, article.id)
  const b = await openDesk(browser, bilal, article.id)

  // --- The list: sentences with figures and attributions, with the reasons -------------------
  await expect(a.sidebar.getByRole('tab', { name: /Marked/ })).toHaveAttribute('aria-selected', 'true')
  await showSuggestions(a)
  await expect(suggestion(a, CAPTIVES)).toBeVisible()
  await expect(suggestion(a, CAPTIVES).locator('.reason-chip')).toHaveText(['number', 'quantity', 'attribution'])
  await expect(suggestion(a, KILLED)).toBeVisible()
  // Exactly what the server suggests for the same text (the client computes it itself).
  const served = (await (await amina.api.get(`/api/articles/${article.id}/suggestions`)).json()) as Array<{
    quote: string
  }>
  await expect(listed(a)).toHaveCount(served.length)
  const count = served.length
  await expect(a.sidebar.getByRole('tab', { name: /Suggested/ })).toContainText(String(count))
  await screenshot(a.page, 'suggestions-list')

  // A click on the words shows them in the article, lit up, without writing anything.
  await suggestion(a, CAPTIVES).getByTestId('suggestion-quote').click()
  await expect(a.text.locator('.text-spotlight')).toHaveText(CAPTIVES)
  await expect(a.text.locator('.text-spotlight')).toBeInViewport()
  await expect(suggestion(a, CAPTIVES)).toHaveClass(/suggestion--active/)
  await screenshot(a.page, 'suggestions-show-in-text')

  // --- Mark as claim: the sentence becomes a claim, here and live for Bilal -------------------
  await suggestion(a, CAPTIVES).getByTestId('suggestion-mark').click()
  await expect(suggestion(a, CAPTIVES)).toHaveCount(0)
  await expect(listed(a)).toHaveCount(count - 1)
  await expect(a.suggestions.getByRole('status')).toContainText('Marked as a claim.')
  await expectDrawn(a.page, 'taken 18 personnel captive')
  await expect(a.sidebar.getByTestId('sidebar-tab-claims-count')).toHaveText('1')
  await a.sidebar.getByRole('tab', { name: /Marked/ }).click()
  await expect(a.sidebar.getByTestId('claim-quote')).toHaveText([CAPTIVES])

  await expect(b.sidebar.getByTestId('claim-quote')).toHaveText([CAPTIVES])
  await expectDrawn(b.page, 'taken 18 personnel captive')
  await showSuggestions(b)
  await expect(suggestion(b, CAPTIVES)).toHaveCount(0)
  await expect(listed(b)).toHaveCount(count - 1)

  // --- Dismiss: hidden for Amina (after a reload too), still there for Bilal ------------------
  await showSuggestions(a)
  await suggestion(a, BACKGROUND).getByTestId('suggestion-dismiss').click()
  await expect(suggestion(a, BACKGROUND)).toHaveCount(0)
  await expect(listed(a)).toHaveCount(count - 2)
  await expect(suggestion(b, BACKGROUND)).toBeVisible()

  await a.page.reload()
  await expect(a.text).toContainText(SEED_OPENING)
  await showSuggestions(a)
  await expect(listed(a)).toHaveCount(count - 2)
  await expect(suggestion(a, BACKGROUND)).toHaveCount(0)
  // …and can be brought back.
  await a.suggestions.getByTestId('suggestions-show-dismissed').click()
  const dismissed = a.suggestions.getByTestId('dismissed-list').getByTestId('suggestion')
  await expect(dismissed).toHaveCount(1)
  await expect(dismissed).toHaveAttribute('data-quote', BACKGROUND)
  await dismissed.getByTestId('suggestion-restore').click()
  await expect(suggestion(a, BACKGROUND)).toBeVisible()

  // --- A viewer sees the suggestions but has nothing to mark them with -----------------------
  const v = await openDesk(browser, vera, article.id)
  await showSuggestions(v)
  await expect(v.suggestions.getByTestId('suggestions-read-only')).toBeVisible()
  await expect(listed(v)).toHaveCount(count - 1)
  await expect(v.suggestions.getByTestId('suggestion-mark')).toHaveCount(0)
  await screenshot(v.page, 'suggestions-viewer')

  // --- Work through the rest from the keyboard: dismissing keeps focus in the list ------------
  const first = listed(a).first()
  await first.getByTestId('suggestion-dismiss').focus()
  for (let left = count - 1; left > 0; left--) {
    await a.page.keyboard.press('Enter')
    await expect(listed(a)).toHaveCount(left - 1)
    if (left > 1) {
      // Focus is on the next sentence's words; its Dismiss is two tabs on (past Mark as claim).
      await expect(a.suggestions.getByTestId('suggestion-quote').first()).toBeFocused()
      if (left === count - 1) await screenshot(a.page, 'suggestions-keyboard-focus')
      await a.page.keyboard.press('Tab')
      await a.page.keyboard.press('Tab')
      await expect(a.suggestions.getByTestId('suggestion-dismiss').first()).toBeFocused()
    }
  }
  await expect(a.suggestions.getByTestId('suggestions-empty')).toContainText('No check-worthy sentences left')
  await expect(a.suggestions.getByTestId('suggestions-empty')).toBeFocused()
  await expect(a.sidebar.getByRole('tab', { name: /Suggested/ })).toContainText('0')
  await a.page.mouse.click(5, 5) // the focus ring belongs to keyboard use, not to the screenshot
  await screenshot(a.page, 'suggestions-empty')

  for (const desk of [a, b, v]) await desk.page.context().close()
})

test('suggested claims from the keyboard: j/k select and show, Enter marks, x and Delete dismiss, not while typing', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const owner = await signUpByApi('Kiran Keys')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const viewer = await joinByInvite(owner, article.workspaceId, 'viewer', 'Vic Viewer')

  const a = await openDesk(browser, owner, article.id)
  await showSuggestions(a)
  const quotes = await listed(a).evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.quote ?? ''))
  expect(quotes.length).toBeGreaterThanOrEqual(6)
  const q = (i: number) => quotes[i]!
  const words = (quote: string) => suggestion(a, quote).getByTestId('suggestion-quote')
  /** Selected: focused, said to be the current one, shown as such, and its words lit up in the text. */
  const expectSelected = async (quote: string) => {
    await expect(words(quote)).toBeFocused()
    await expect(words(quote)).toHaveAttribute('aria-current', 'true')
    await expect(a.suggestions.locator('.suggestion--active')).toHaveCount(1)
    await expect(suggestion(a, quote)).toHaveClass(/suggestion--active/)
    await expect(a.text.locator('.text-spotlight')).toHaveText(quote)
  }
  const dismissedToggle = a.suggestions.getByTestId('suggestions-show-dismissed')
  const markedCount = a.sidebar.getByTestId('sidebar-tab-claims-count')

  // One count per number: the tabs carry them, the heading above them repeats none.
  await expect(a.sidebar.getByTestId('claims-count')).toHaveCount(0)
  await expect(markedCount).toHaveText('0')
  await expect(a.sidebar.getByTestId('sidebar-tab-suggestions-count')).toHaveText(String(quotes.length))

  // --- Moving: from the tab into the list, then j/k, the arrows, Home and End -------------------
  await expect(a.sidebar.getByRole('tab', { name: /Suggested/ })).toBeFocused()
  await a.page.keyboard.press('Tab')
  await expect(words(q(0))).toBeFocused()
  await a.page.keyboard.press('j')
  await expectSelected(q(1))
  await a.page.keyboard.press('ArrowDown')
  await expectSelected(q(2))
  await a.page.keyboard.press('k')
  await expectSelected(q(1))
  await a.page.keyboard.press('ArrowUp')
  await expectSelected(q(0))
  await a.page.keyboard.press('k') // stays on the first
  await expectSelected(q(0))
  await a.page.keyboard.press('End')
  await expectSelected(q(quotes.length - 1))
  await a.page.keyboard.press('Home')
  await expectSelected(q(0))
  await screenshot(a.page, 'suggestions-keyboard-selected')

  // --- Enter marks the selected one; focus and selection go on to the next ----------------------
  // The first sentence starts the article: its claim is lit in the text like any other.
  await a.page.keyboard.press('Enter')
  await expect(suggestion(a, q(0))).toHaveCount(0)
  await expect(listed(a)).toHaveCount(quotes.length - 1)
  await expect(a.suggestions.getByRole('status')).toContainText('Marked as a claim.')
  await expect(markedCount).toHaveText('1')
  await expectDrawn(a.page, q(0).slice(0, 30))
  await expectSelected(q(1))

  // --- x and Delete dismiss it; again on to the next -------------------------------------------
  await a.page.keyboard.press('x')
  await expect(suggestion(a, q(1))).toHaveCount(0)
  await expect(dismissedToggle).toHaveText('Show 1 dismissed')
  await expectSelected(q(2))
  await a.page.keyboard.press('Delete')
  await expect(suggestion(a, q(2))).toHaveCount(0)
  await expect(dismissedToggle).toHaveText('Show 2 dismissed')
  await expectSelected(q(3))
  await expect(listed(a)).toHaveCount(quotes.length - 3)
  await expect(markedCount).toHaveText('1') // dismissing marks nothing

  // --- The same keys typed in the article are words, not commands ------------------------------
  await a.text.focus()
  await a.page.keyboard.press('Control+End')
  await a.page.keyboard.type(' jkx')
  for (const key of ['Delete', 'ArrowDown', 'Enter']) await a.page.keyboard.press(key)
  await expect(a.text).toContainText('jkx')
  await expect(a.text).toBeFocused()
  await expect(listed(a)).toHaveCount(quotes.length - 3)
  await expect(dismissedToggle).toHaveText('Show 2 dismissed')
  await expect(markedCount).toHaveText('1')
  await expect(suggestion(a, q(3))).toHaveClass(/suggestion--active/)

  // --- A viewer moves and dismisses for themselves; Enter only shows, it cannot mark -----------
  const v = await openDesk(browser, viewer, article.id)
  await showSuggestions(v)
  await expect(listed(v)).toHaveCount(quotes.length - 1) // Kiran's claim, not Kiran's dismissals
  const first = listed(v).first()
  await v.page.keyboard.press('Tab')
  await expect(first.getByTestId('suggestion-quote')).toBeFocused()
  await v.page.keyboard.press('Enter')
  await expect(first).toHaveClass(/suggestion--active/)
  await expect(v.text.locator('.text-spotlight')).toHaveText(q(1))
  await expect(v.sidebar.getByTestId('sidebar-tab-claims-count')).toHaveText('1')
  await expect(listed(v)).toHaveCount(quotes.length - 1)
  await v.page.keyboard.press('x')
  await expect(listed(v)).toHaveCount(quotes.length - 2)
  await expect(listed(v).first().getByTestId('suggestion-quote')).toBeFocused()

  for (const desk of [a, v]) await desk.page.context().close()
})

test('workshop copies show no suggestions: finding the claims is the exercise', async ({ browser }) => {
  const owner = await signUpByApi('Tamsin Trainer')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const created = await owner.api.post(`/api/workspaces/${article.workspaceId}/workshops`, {
    data: { articleId: article.id, title: 'Spot the claims' },
  })
  expect(created.status()).toBe(201)
  const { joinCode } = (await created.json()) as { joinCode: string }

  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1440, height: 900 } })
  const guest = await context.newPage()
  await guest.goto(`/join/${joinCode}`)
  await guest.getByTestId('join-form').getByLabel('Your name').fill('Ana Rehman')
  await guest.getByTestId('join-form').getByRole('button', { name: 'Join workshop' }).click()
  await expect(guest.getByTestId('article-editor').locator('.ProseMirror')).toContainText(SEED_OPENING)
  const sidebar = guest.getByTestId('claims-sidebar')
  await expect(sidebar.getByTestId('claims-empty')).toBeVisible()
  await expect(sidebar.getByRole('tablist')).toHaveCount(0)
  await expect(sidebar.getByTestId('suggestions-panel')).toHaveCount(0)

  // The trainer's own article still has them.
  const desk = await openDesk(browser, owner, article.id)
  await expect(desk.sidebar.getByRole('tab', { name: /Suggested/ })).toBeVisible()
  await context.close()
  await desk.page.context().close()
})
