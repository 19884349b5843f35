import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import {
  baseUrl,
  expect,
  openArticle,
  screenshot,
  SEED_OPENING,
  SEED_TITLE,
  selectInArticle,
  signUp,
  test,
} from './fixtures'

// The "trainers running workshops" persona, in real browsers: a trainer starts a workshop
// from the demo article, takes the key over from the claims marked on it, two guests join
// with the code in their own browsers and each checks their own copy, the trainer watches
// them live, opens a copy, reveals, and reads the scores; the guests see their own result.

const WORKSHOP_TITLE = 'Casualty claims — Tuesday training'
/** On the original article with a verdict: the first key claim comes from here. */
const KEY_ONE = '84 Pakistani security personnel were killed'
/** Typed into the key by hand. */
const KEY_TWO = 'taken 18 personnel captive'
const RATIONALE = 'Only the BLA gives this figure; no official or independent count confirms it.'
/** Ana marks the key claim's exact words; Ben the sentence around it (still the same claim, by its words). */
const ANA_QUOTE = KEY_ONE
const BEN_QUOTE = 'the BLA alleged that 84 Pakistani security personnel were killed'

interface Guest {
  context: BrowserContext
  page: Page
  text: Locator
  sidebar: Locator
}

function guestContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' })
}

/** Fills the join form on the current page and waits for the participant's own copy. */
async function joinAs(page: Page, name: string): Promise<Guest & { page: Page }> {
  const form = page.getByTestId('join-form')
  await form.getByLabel('Your name').fill(name)
  await form.getByRole('button', { name: 'Join workshop' }).click()
  await expect(page).toHaveURL(/\/workshop\/[A-Za-z0-9_-]+$/)
  const text = page.getByTestId('article-editor').locator('.ProseMirror')
  await expect(text).toContainText(SEED_OPENING)
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'connected')
  return { context: page.context(), page, text, sidebar: page.getByTestId('claims-sidebar') }
}

function cardFor(sidebar: Locator, quote: string): Locator {
  return sidebar
    .getByTestId('claim-card')
    .filter({ has: sidebar.page().getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

/** Marks `quote` with the toolbar button, then gives it a verdict with its rationale. */
async function markWithVerdict(
  page: Page,
  sidebar: Locator,
  quote: string,
  verdict: string,
  rationale: string,
): Promise<void> {
  await selectInArticle(page, quote)
  await page.getByTestId('mark-claim').click()
  const card = cardFor(sidebar, quote)
  await expect(card).toHaveAttribute('data-open', 'true')
  await card.getByTestId('verdict-select').selectOption(verdict)
  await card.getByTestId('verdict-rationale-input').fill(rationale)
  await card.getByRole('button', { name: 'Save verdict' }).click()
  await expect(card.getByTestId('verdict-view')).toBeVisible()
}

/** The whole page from the top: a sticky top bar scrolled half-way would sit in the middle of the image. */
async function fullPageShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name, { fullPage: true })
}

function participantRow(page: Page, name: string): Locator {
  return page.getByTestId('participant-row').filter({ hasText: name })
}

function resultRow(page: Page, name: string): Locator {
  return page.getByTestId('result-row').filter({ hasText: name })
}

test('workshops: a trainer runs one for two guests — key, live progress, copies, reveal, results', async ({
  browser,
}) => {
  test.setTimeout(180_000)

  // --- The trainer: the workspace's workshops tab starts empty ------------------------------
  const trainer = await signUp(browser, 'Tariq Trainer')
  const { page } = trainer
  await page.getByRole('navigation', { name: 'Workspace pages' }).getByRole('link', { name: 'Workshops' }).click()
  await expect(page.getByTestId('workshops-empty')).toContainText('No workshops yet')
  await screenshot(page, 'workshops-list-empty')

  // The desk's own check of the demo article: one claim with a verdict, for the key.
  await page.getByRole('navigation', { name: 'Workspace pages' }).getByRole('link', { name: 'Articles' }).click()
  await openArticle(trainer)
  await expect(trainer.badge).toHaveAttribute('data-state', 'connected')
  await markWithVerdict(page, page.getByTestId('claims-sidebar'), KEY_ONE, 'unproven', RATIONALE)

  // --- Start a workshop from the article ------------------------------------------------------
  await page.getByTestId('start-workshop').click()
  const create = page.getByTestId('new-workshop-dialog')
  await expect(create).toContainText(SEED_TITLE)
  await expect(create.getByLabel('Workshop title')).toHaveValue(`Workshop: ${SEED_TITLE}`)
  await create.getByLabel('Workshop title').fill('')
  await create.getByRole('button', { name: 'Create workshop' }).click()
  await expect(create.getByRole('alert')).toContainText('Give the workshop a title')
  await create.getByLabel('Workshop title').fill(WORKSHOP_TITLE)
  await create.getByRole('button', { name: 'Create workshop' }).click()
  await expect(page).toHaveURL(/\/w\/[A-Za-z0-9_-]+\/workshops\/[A-Za-z0-9_-]+$/)
  await expect(page.getByTestId('workshop-title')).toHaveText(WORKSHOP_TITLE)
  // The page is tabs (join, live, key, results); without a key it opens on the key.
  await expect(page.getByTestId('tab-key')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('key-empty')).toBeVisible()
  await page.getByTestId('tab-join').click()
  const code = (await page.getByTestId('join-code').getAttribute('data-code')) ?? ''
  expect(code).toMatch(/^[A-Z2-9]{8}$/)
  await expect(page.getByTestId('join-link').getByRole('textbox')).toHaveValue(`${baseUrl()}/join/${code}`)
  await page.getByTestId('tab-live').click()
  await expect(page.getByTestId('participants-empty')).toContainText('Nobody has joined yet')
  await expect(page.getByTestId('workshop-state')).toHaveText('Needs an answer key')
  await expect(page.getByTestId('reveal')).toBeDisabled()
  await fullPageShot(page, 'workshop-trainer-empty')

  // The code, big enough for a projector; Escape closes it.
  await page.getByTestId('tab-join').click()
  await page.getByTestId('project-code').click()
  await expect(page.getByTestId('projector')).toContainText(`${code.slice(0, 4)} ${code.slice(4)}`)
  await screenshot(page, 'workshop-projector')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('projector')).toBeHidden()

  // --- The answer key: the article's claims, one more by hand, errors in place ---------------
  await page.getByTestId('tab-key').click()
  await page.getByTestId('save-key').click()
  await expect(page.getByTestId('key-error')).toContainText('at least one claim')
  await page.getByTestId('key-from-article').click()
  await expect(page.getByTestId('key-note')).toContainText('Added 1 claim from the article')
  await expect(page.getByTestId('key-quote').first()).toHaveValue(KEY_ONE)
  await expect(page.getByTestId('key-verdict').first()).toHaveValue('unproven')
  await expect(page.getByTestId('key-rationale').first()).toHaveValue(RATIONALE)
  await page.getByTestId('key-add-row').click()
  await expect(page.getByTestId('key-quote').nth(1)).toBeFocused()
  await page.keyboard.type(KEY_TWO)
  await page.getByTestId('key-add-row').click()
  await page.getByTestId('key-quote').nth(2).fill('a claim the trainer changes their mind about')
  await expect(page.getByTestId('key-status')).toHaveText('Not saved yet')
  await page.getByTestId('save-key').click()
  await expect(page.getByTestId('key-row').nth(1)).toContainText('Choose the right verdict.')
  await expect(page.getByTestId('key-verdict').nth(1)).toHaveAttribute('aria-invalid', 'true')
  await screenshot(page, 'workshop-key-errors')
  await page.getByTestId('key-verdict').nth(1).selectOption('unproven')
  await page.getByRole('button', { name: 'Remove claim 3' }).click()
  await expect(page.getByTestId('key-row')).toHaveCount(2)
  await page.getByTestId('save-key').click()
  await expect(page.getByTestId('key-status')).toHaveText('Saved')
  await expect(page.getByTestId('workshop-state')).toHaveText('In progress')
  await expect(page.getByTestId('reveal')).toBeEnabled()

  // From here on the trainer's page is never reloaded: what changes arrives by itself.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))

  // --- Ana: a wrong code first, explained in place; then the right one -----------------------
  const anaPage = await (await guestContext(browser)).newPage()
  await anaPage.goto('/join')
  const anaForm = anaPage.getByTestId('join-form')
  await anaForm.getByLabel('Workshop code').fill('ZZZZ-9999')
  await anaForm.getByLabel('Your name').fill('Ana Rehman')
  await anaForm.getByRole('button', { name: 'Join workshop' }).click()
  await expect(anaForm.getByRole('alert')).toContainText('No workshop has this code')
  await expect(anaForm.getByLabel('Workshop code')).toHaveAttribute('aria-invalid', 'true')
  await expect(anaPage).toHaveURL(/\/join$/)
  await screenshot(anaPage, 'workshop-join-wrong-code')
  await anaForm.getByLabel('Workshop code').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`)
  const ana = await joinAs(anaPage, 'Ana Rehman')

  // A guest's header: the workshop, "your copy", their name; no workspaces, no account, no exports.
  await expect(anaPage.getByTestId('article-title')).toHaveText(WORKSHOP_TITLE)
  await expect(anaPage.getByTestId('your-copy')).toBeVisible()
  await expect(anaPage.getByTestId('participant-name')).toContainText('Ana Rehman')
  await expect(anaPage.getByTestId('workspace-switcher')).toHaveCount(0)
  await expect(anaPage.getByTestId('user-menu')).toHaveCount(0)
  await expect(anaPage.getByTestId('export-button')).toHaveCount(0)
  await expect(anaPage.getByRole('heading', { name: SEED_TITLE })).toBeVisible()
  await expect(ana.sidebar.getByTestId('claims-empty')).toBeVisible()
  // The article's own claims are not copied: the desk's verdict is nobody's hint.
  await expect(ana.sidebar.getByTestId('claim-card')).toHaveCount(0)

  // --- Ben: the network fails once, explained in place; the retry works ----------------------
  const benPage = await (await guestContext(browser)).newPage()
  await benPage.route('**/api/workshops/join', (route) => route.abort('internetdisconnected'))
  await benPage.goto(`/join/${code}`)
  await expect(benPage.getByTestId('join-form').getByLabel('Workshop code')).toHaveValue(code)
  await benPage.getByTestId('join-form').getByLabel('Your name').fill('Ben Okafor')
  await benPage.getByTestId('join-form').getByRole('button', { name: 'Join workshop' }).click()
  await expect(benPage.getByTestId('form-error')).toContainText('The server cannot be reached')
  await benPage.unroute('**/api/workshops/join')
  const ben = await joinAs(benPage, 'Ben Okafor')

  // --- Each checks their own copy; neither sees the other's work ------------------------------
  await markWithVerdict(ana.page, ana.sidebar, ANA_QUOTE, 'unproven', 'The figure comes from the BLA alone.')
  await screenshot(ana.page, 'workshop-participant-copy')
  await markWithVerdict(ben.page, ben.sidebar, BEN_QUOTE, 'false', 'Officials deny it.')
  await expect(ana.sidebar.getByTestId('claim-quote')).toHaveText([ANA_QUOTE])
  await expect(ben.sidebar.getByTestId('claim-quote')).toHaveText([BEN_QUOTE])
  await expect(ana.sidebar.getByTestId('claims-count')).toHaveText('1')
  await expect(ben.sidebar.getByTestId('claims-count')).toHaveText('1')

  // --- The trainer sees both arrive and progress, without reloading ---------------------------
  await page.getByTestId('tab-live').click()
  await expect(page.getByTestId('participant-count')).toHaveText('2')
  await expect(participantRow(page, 'Ana Rehman').getByTestId('participant-claims')).toHaveText('1')
  await expect(participantRow(page, 'Ana Rehman').getByTestId('participant-verdicts')).toHaveText('1')
  await expect(participantRow(page, 'Ben Okafor').getByTestId('participant-verdicts')).toHaveText('1')
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live')
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)
  await fullPageShot(page, 'workshop-trainer-participants')

  // --- A participant's copy, as the trainer sees it: read-only until asked -------------------
  await participantRow(page, 'Ana Rehman').getByRole('link', { name: "Open Ana Rehman's copy" }).click()
  await expect(page).toHaveURL(/\/copies\/[A-Za-z0-9_-]+$/)
  const copyText = page.getByTestId('article-editor').locator('.ProseMirror')
  await expect(copyText).toContainText(SEED_OPENING)
  await expect(page.getByTestId('copy-banner')).toContainText("Ana Rehman's own copy")
  await expect(page.getByTestId('claims-sidebar').getByTestId('claim-quote')).toHaveText([ANA_QUOTE])
  await expect(page.getByTestId('article-editor')).toHaveAttribute('data-editable', 'false')
  await expect(page.getByTestId('mark-claim')).toHaveCount(0)
  await expect(page.getByTestId('presence-list')).toContainText('Ana Rehman')
  await screenshot(page, 'workshop-trainer-copy')
  await page.getByTestId('toggle-copy-editing').click()
  await expect(page.getByTestId('article-editor')).toHaveAttribute('data-editable', 'true')
  await page.getByTestId('copy-back').click()
  await expect(page.getByTestId('workshop-title')).toHaveText(WORKSHOP_TITLE)

  // --- A participant reloads: same copy, same work (the guest cookie) ------------------------
  await ana.page.reload()
  await expect(ana.text).toContainText(SEED_OPENING)
  await expect(ana.sidebar.getByTestId('claim-quote')).toHaveText([ANA_QUOTE])
  await expect(ana.page.getByTestId('participant-name')).toContainText('Ana Rehman')
  await expect(ana.page.getByTestId('participant-intro')).toBeVisible()

  // --- Reveal, confirmed; the results with numbers --------------------------------------------
  await page.getByTestId('reveal').click()
  const confirm = page.getByTestId('reveal-dialog')
  await expect(confirm).toContainText('They do not see the answer key itself')
  await screenshot(page, 'workshop-reveal-confirm')
  await confirm.getByTestId('confirm-reveal').click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('workshop-state')).toHaveText('Results revealed')
  await page.getByTestId('tab-results').click()
  const results = page.getByTestId('results')
  await expect(results.getByTestId('result-row')).toHaveCount(2)
  // Both found one of the two key claims, and marked nothing else; only Ana's verdict matches the key.
  const anaRow = resultRow(page, 'Ana Rehman')
  await expect(anaRow.getByTestId('result-precision')).toContainText('100%')
  await expect(anaRow.getByTestId('result-recall')).toContainText('50%')
  await expect(anaRow.getByTestId('result-f1')).toContainText('67%')
  await expect(anaRow.getByTestId('result-verdict-accuracy')).toContainText('100%')
  await expect(resultRow(page, 'Ben Okafor').getByTestId('result-verdict-accuracy')).toContainText('0%')
  await expect(results.getByTestId('results-average')).toContainText('50%')
  // One key claim judged by both, in two different ways: alpha 0, and it says that one claim is too few to read.
  await expect(results.getByTestId('agreement-alpha')).toHaveText('0.00')
  await expect(results.getByTestId('agreement-label')).toHaveText('Too few claims to mean anything')
  await expect(results.getByTestId('agreement-units')).toContainText('Rests on 1 key claim')
  await fullPageShot(page, 'workshop-trainer-results')
  await page.setViewportSize({ width: 700, height: 900 })
  await screenshot(page, 'workshop-trainer-results-narrow')
  await page.setViewportSize({ width: 1440, height: 900 })
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)

  // --- Each participant sees their own result, and nobody else's ------------------------------
  const anaResult = ana.page.getByTestId('my-result')
  await expect(anaResult.getByTestId('my-recall')).toContainText('1 of 2')
  await expect(anaResult.getByTestId('my-verdicts')).toContainText('1 of 1')
  await expect(anaResult).not.toContainText('Ben')
  await expect(anaResult.getByTestId('my-group-agreement')).toContainText('too few claims to mean anything')
  await screenshot(ana.page, 'workshop-participant-result')
  // On a phone: the header keeps what matters, the result stays readable.
  await ana.page.setViewportSize({ width: 390, height: 844 })
  await expect(ana.page.getByTestId('connection-badge')).toBeVisible()
  await screenshot(ana.page, 'workshop-participant-result-phone')
  await ana.page.setViewportSize({ width: 1280, height: 860 })
  await expect(ben.page.getByTestId('my-result').getByTestId('my-verdicts')).toContainText('0 of 1')

  // --- A guest session that ended is explained, with the way back in -------------------------
  await ben.context.clearCookies()
  await ben.page.reload()
  await expect(ben.page.getByTestId('inline-state')).toContainText('Your workshop session has ended')
  await screenshot(ben.page, 'workshop-participant-session-ended')
  await ben.page.getByRole('button', { name: 'Join again' }).click()
  await expect(ben.page).toHaveURL(new RegExp(`/join/${code}$`))
  await expect(ben.page.getByTestId('join-form').getByLabel('Workshop code')).toHaveValue(code)

  // --- The workspace lists the workshop -------------------------------------------------------
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Workshops' }).click()
  const item = page.getByTestId('workshop-list').getByRole('listitem').filter({ hasText: WORKSHOP_TITLE })
  await expect(item).toContainText('2 participants')
  await expect(item.getByTestId('workshop-state')).toHaveText('Results revealed')
  await screenshot(page, 'workshops-list')
  // From here, a new workshop starts by picking one of the workspace's articles.
  await page.getByTestId('new-workshop').click()
  const picker = page.getByTestId('new-workshop-dialog')
  await picker.getByLabel('Article').selectOption({ label: SEED_TITLE })
  await expect(picker.getByLabel('Workshop title')).toHaveValue(`Workshop: ${SEED_TITLE}`)
  await screenshot(page, 'workshop-new-from-list')
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()

  await Promise.all([ana.context.close(), ben.context.close(), trainer.context.close()])
})
