import type { Locator } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import {
  type Desk,
  expect,
  joinByInvite,
  openDesk,
  screenshot,
  SEED_OPENING,
  selectInArticle,
  signUpByApi,
  test,
} from './fixtures'
import { clickWords, drawnClaims, drawnClaimTexts, hoverWords, wordsBox } from './claim-text'

// Issue 4's core loop in two real browsers: marking (button, shortcut, bubble),
// overlapping highlights that survive a reload, evidence with a refused javascript: link,
// a verdict with its required rationale, discussion with @mentions and the report download.

const CLAIM_ONE = '84 Pakistani security personnel were killed'
const CLAIM_TWO = 'security personnel were killed and dozens more wounded'
const EVIDENCE_TITLE = 'ISPR statement on the Balochistan attacks'
const RATIONALE =
  'Only the BLA gives this figure; officials have not confirmed any toll and no independent count exists.'

/** Brings the claims' paragraph to the middle of the window, for a screenshot that shows them. */
async function centreOnClaims(desk: Desk): Promise<void> {
  const [first] = await drawnClaimTexts(desk.page)
  if (first !== undefined) await wordsBox(desk.page, first)
}

// A 1×1 PNG and the smallest thing the server accepts as a PDF (it checks the signature).
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

function card(desk: Desk, quote: string): Locator {
  return desk.sidebar
    .getByTestId('claim-card')
    .filter({ has: desk.page.getByTestId('claim-quote').getByText(quote, { exact: true }) })
}

test('two checkers mark overlapping claims, add evidence and a verdict, and the report has it all', async ({
  browser,
}) => {
  // --- Two people in one workspace, set up through the API -------------------------------
  const amina = await signUpByApi('Amina Qureshi')
  const demo = await amina.api.get('/api/demo')
  expect(demo.status()).toBe(200)
  const article = (await demo.json()) as { id: string; docId: string; workspaceId: string }
  const bilal = await joinByInvite(amina, article.workspaceId, 'checker', 'Bilal Ahmed')

  const a = await openDesk(browser, amina, article.id)
  const b = await openDesk(browser, bilal, article.id)
  await expect(a.sidebar.getByTestId('claims-empty')).toBeVisible()
  await screenshot(a.page, 'claims-empty')

  // --- A marks the first claim with the toolbar button ------------------------------------
  const markButton = a.page.getByTestId('mark-claim')
  await expect(markButton).toHaveAttribute('aria-disabled', 'true')
  await expect(markButton).toHaveAttribute('title', /Shift\+M/)
  await selectInArticle(a.page, CLAIM_ONE)
  await expect(markButton).toHaveAttribute('aria-disabled', 'false')
  await expect(a.page.getByTestId('mark-bubble')).toBeVisible()
  await screenshot(a.page, 'claims-selection-bubble')
  await markButton.click()

  await expect.poll(async () => await drawnClaimTexts(a.page)).toEqual([CLAIM_ONE])
  await expect(card(a, CLAIM_ONE)).toHaveAttribute('data-open', 'true')

  // B sees the highlight and the card live, without reloading.
  await expect.poll(async () => await drawnClaimTexts(b.page)).toEqual([CLAIM_ONE])
  await expect(card(b, CLAIM_ONE)).toBeVisible()
  await expect(card(b, CLAIM_ONE).getByTestId('claim-status')).toHaveText('Open')
  await screenshot(b.page, 'claims-b-sees-claim-live')

  // --- A marks an overlapping second claim with the keyboard shortcut ---------------------
  await selectInArticle(a.page, CLAIM_TWO)
  await a.page.keyboard.press('Control+Shift+M')
  await expect.poll(async () => (await drawnClaimTexts(a.page)).sort()).toEqual([CLAIM_ONE, CLAIM_TWO].sort())
  // Where they overlap both claims' highlights cover the words.
  expect((await drawnClaimTexts(a.page)).filter((t) => t.includes('security personnel were killed'))).toHaveLength(2)
  await expect.poll(async () => (await drawnClaimTexts(b.page)).length).toBe(2)

  // Hovering a highlight shows what the claim is.
  await hoverWords(a.page, 'dozens more wounded')
  await expect(a.page.getByTestId('claim-popover')).toContainText(CLAIM_TWO)
  await screenshot(a.page, 'claims-overlap-hover')

  // --- Both survive a reload: two highlights, two cards, in text order ---------------------
  await a.page.reload()
  await expect(a.text).toContainText(SEED_OPENING)
  await expect.poll(async () => (await drawnClaimTexts(a.page)).sort()).toEqual([CLAIM_ONE, CLAIM_TWO].sort())
  await expect(a.sidebar.getByTestId('claim-quote')).toHaveText([CLAIM_ONE, CLAIM_TWO])
  await b.page.reload()
  await expect(b.text).toContainText(SEED_OPENING)
  await expect.poll(async () => (await drawnClaimTexts(b.page)).length).toBe(2)
  await expect(b.sidebar.getByTestId('claim-card')).toHaveCount(2)
  await centreOnClaims(a)
  await screenshot(a.page, 'claims-two-overlapping-after-reload')

  // --- B works on the first claim: clicking its words opens its card ------------------------
  await clickWords(b.page, '84 Pakistani')
  const bCard = card(b, CLAIM_ONE)
  await expect(bCard).toHaveAttribute('data-open', 'true')

  // Evidence: a javascript: link is refused inline and nothing is stored.
  await bCard.getByTestId('add-evidence').click()
  const form = bCard.getByTestId('evidence-form')
  await form.getByTestId('evidence-url').fill('javascript:alert(document.cookie)')
  await form.getByTestId('evidence-title-input').fill(EVIDENCE_TITLE)
  await form.getByText('Refutes', { exact: true }).click()
  await form.getByRole('button', { name: 'Add evidence' }).click()
  await expect(form.getByTestId('evidence-url-error')).toContainText('Only web links (http:// or https://)')
  await expect(form.getByTestId('evidence-url')).toHaveAttribute('aria-invalid', 'true')
  await expect(bCard.getByTestId('evidence-item')).toHaveCount(0)
  await screenshot(b.page, 'claims-evidence-refused-url')

  await form.getByTestId('evidence-url').fill('https://www.ispr.gov.pk/press-release-detail?id=7000')
  await form
    .getByTestId('evidence-quote')
    .fill('Security forces repulsed the attacks; the toll given by the group is not borne out.')
  await form.getByTestId('evidence-source').fill('ISPR')

  // Files: an image and a PDF are stored; bytes that are not what their type says get the server's 415, inline.
  await form.getByTestId('evidence-file-input').setInputFiles([
    { name: 'ispr-statement.png', mimeType: 'image/png', buffer: PNG_1PX },
    { name: 'ispr-statement.pdf', mimeType: 'application/pdf', buffer: TINY_PDF },
    { name: 'renamed.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload="alert(1)"/>') },
  ])
  await expect(form.getByTestId('attachments').getByRole('link')).toHaveCount(2)
  await expect(form.getByTestId('attachment-error')).toContainText('“renamed.png” cannot be attached')
  await screenshot(b.page, 'claims-evidence-form')
  await form.getByRole('button', { name: 'Add evidence' }).click()
  await expect(bCard.getByTestId('evidence-item')).toHaveCount(1)
  const files = bCard.getByTestId('evidence-item').getByTestId('attachments')
  await expect(files.locator('img')).toHaveJSProperty('naturalWidth', 1) // served back to a member
  await expect(files).toContainText('ispr-statement.pdf')

  // Edit in place; removing asks first.
  await bCard.getByTestId('evidence-item').getByRole('button', { name: 'Edit' }).click()
  await bCard.getByTestId('evidence-form').getByTestId('evidence-source').fill('Inter-Services Public Relations')
  await bCard.getByTestId('evidence-form').getByRole('button', { name: 'Save changes' }).click()
  await expect(bCard.getByTestId('evidence-item')).toContainText('Inter-Services Public Relations')
  await bCard.getByTestId('evidence-item').getByRole('button', { name: 'Remove' }).click()
  await expect(bCard.getByText(`Remove “${EVIDENCE_TITLE}” from this claim?`)).toBeVisible()
  await bCard.getByRole('button', { name: 'Keep it' }).click()
  await expect(bCard.getByTestId('evidence-item')).toHaveCount(1)
  const link = bCard.getByTestId('evidence-item').getByRole('link', { name: EVIDENCE_TITLE })
  await expect(link).toHaveAttribute('href', 'https://www.ispr.gov.pk/press-release-detail?id=7000')
  await expect(bCard.getByTestId('evidence-count')).toContainText('1')

  // Verdict: the rationale is required, inline.
  await bCard.getByTestId('verdict-select').selectOption('unproven')
  await bCard.getByRole('button', { name: 'Save verdict' }).click()
  await expect(bCard.getByText('a rationale is required')).toBeVisible()
  await expect(bCard.getByTestId('verdict-rationale-input')).toHaveAttribute('aria-invalid', 'true')
  await bCard.getByTestId('verdict-rationale-input').fill(RATIONALE)
  await bCard.getByRole('button', { name: 'Save verdict' }).click()
  await expect(bCard.getByTestId('verdict-view')).toContainText('Unproven')
  await expect(bCard.getByTestId('verdict-rationale')).toHaveText(RATIONALE)
  await bCard.getByTestId('status-steps').getByRole('button', { name: 'Needs review' }).click()
  await bCard.getByTestId('assignee-select').selectOption({ label: 'Amina Qureshi' })
  await centreOnClaims(b)
  await screenshot(b.page, 'claims-b-evidence-and-verdict')

  // A sees the verdict live: on the card and as the highlight's colour.
  const aCard = card(a, CLAIM_ONE)
  await expect(aCard.getByTestId('verdict-chip')).toHaveText('Unproven')
  await expect(aCard.getByTestId('claim-status')).toHaveText('Needs review')
  await expect(aCard.getByTestId('evidence-count')).toContainText('1')
  await expect.poll(async () => (await drawnClaims(a.page)).map((c) => c.verdict)).toContain('claim-unproven')
  // Assigned to A: the "Mine" filter keeps just that claim.
  await a.sidebar.getByRole('button', { name: 'Mine' }).click()
  await expect(a.sidebar.getByTestId('claim-card')).toHaveCount(1)
  await expect(a.sidebar.getByText('1 of 2 shown')).toBeVisible()
  await a.sidebar.getByRole('button', { name: 'Clear filters' }).click()
  await expect(a.sidebar.getByTestId('claim-card')).toHaveCount(2)

  // --- Discussion: B mentions A, A sees an unread comment with the mention highlighted ----
  const composer = bCard.getByTestId('comment-input')
  await composer.fill('Can you check the ISPR figure, @Ami')
  await expect(bCard.getByTestId('mention-list')).toContainText('Amina Qureshi')
  await composer.press('Enter')
  await expect(composer).toHaveValue('Can you check the ISPR figure, @Amina Qureshi ')
  await composer.pressSequentially('before we publish?')
  await bCard.getByRole('button', { name: 'Comment', exact: true }).click()
  await expect(bCard.getByTestId('comment')).toHaveCount(1)
  await expect(aCard.getByTestId('comment-count')).toHaveAttribute('data-unread', '1')
  await screenshot(a.page, 'claims-a-unread-comment')
  await aCard.locator('[data-claim-head]').click()
  await expect(aCard.getByTestId('mention')).toHaveText('@Amina Qureshi')
  await expect(aCard.getByTestId('comment-count')).toHaveAttribute('data-unread', '0')
  await centreOnClaims(a)
  await screenshot(a.page, 'claims-a-card-open')

  // --- Keyboard: j/k move between cards in the sidebar, Enter opens ----------------------
  await aCard.locator('[data-claim-head]').focus()
  await a.page.keyboard.press('j')
  await expect(card(a, CLAIM_TWO).locator('[data-claim-head]')).toBeFocused()
  await a.page.keyboard.press('Enter')
  await expect(card(a, CLAIM_TWO)).toHaveAttribute('data-open', 'true')
  await expect
    .poll(async () => (await drawnClaims(a.page)).filter((c) => c.open).map((c) => c.text))
    .toEqual([CLAIM_TWO])
  await a.page.keyboard.press('Escape')
  await expect(card(a, CLAIM_TWO)).toHaveAttribute('data-open', 'false')
  await a.page.keyboard.press('k')
  await expect(aCard.locator('[data-claim-head]')).toBeFocused()

  // --- The report download carries the claim, verdict, rationale and evidence -------------
  await a.sidebar.getByTestId('export-button').click()
  const reportLink = a.page.getByTestId('export-report')
  await expect(reportLink).toHaveAttribute('href', `/api/articles/${article.id}/report.md?download`)
  const [download] = await Promise.all([a.page.waitForEvent('download'), reportLink.click()])
  expect(download.suggestedFilename()).toMatch(/\.md$/)
  const report = await readFile((await download.path())!, 'utf8')
  expect(report).toContain(CLAIM_ONE)
  expect(report).toContain(CLAIM_TWO)
  expect(report).toContain('Unproven')
  expect(report).toContain(RATIONALE)
  expect(report).toContain(EVIDENCE_TITLE)
  expect(report).not.toContain('javascript:')

  await a.close()
  await b.close()
  await amina.api.dispose()
  await bilal.api.dispose()
})

test('a claim whose words are deleted is kept as detached and re-attaches when they come back', async ({ browser }) => {
  const owner = await signUpByApi('Chen Wei')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id)

  const words = 'seven of its fighters were killed'
  await selectInArticle(desk.page, words)
  await desk.page.getByTestId('mark-claim').click()
  await expect.poll(async () => await drawnClaimTexts(desk.page)).toEqual([words])
  await card(desk, words).locator('[data-claim-head]').click() // close its card, to see the whole list

  // Delete exactly the claim's words: the claim stays, listed apart.
  await selectInArticle(desk.page, words)
  await desk.page.keyboard.press('Backspace')
  await expect(desk.sidebar.getByTestId('claims-detached')).toContainText(words)
  await expect.poll(() => drawnClaimTexts(desk.page)).toEqual([])
  await expect(desk.sidebar.getByTestId('claim-list')).toHaveCount(0)
  await screenshot(desk.page, 'claims-detached')

  // Undo brings the words back; the claim re-attaches to them.
  await desk.page.keyboard.press('Control+z')
  await expect(desk.sidebar.getByTestId('claims-detached')).toHaveCount(0)
  await expect.poll(async () => await drawnClaimTexts(desk.page)).toEqual([words])
  await desk.close()
  await owner.api.dispose()
})

test('a viewer reads claims but cannot mark them; the layout holds on a narrow screen', async ({ browser }) => {
  const owner = await signUpByApi('Dora Lindqvist')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string; workspaceId: string }
  const { code } = (await (
    await owner.api.post(`/api/workspaces/${article.workspaceId}/invites`, { data: { role: 'viewer' } })
  ).json()) as {
    code: string
  }
  const viewer = await signUpByApi('Emil Viewer')
  expect((await viewer.api.post(`/api/invites/${code}/accept`)).status()).toBe(200)

  const o = await openDesk(browser, owner, article.id)
  await selectInArticle(o.page, CLAIM_ONE)
  await o.page.getByTestId('mark-claim').click()
  await expect(card(o, CLAIM_ONE)).toBeVisible()

  const v = await openDesk(browser, viewer, article.id, { width: 820, height: 1000 })
  await expect.poll(async () => await drawnClaimTexts(v.page)).toEqual([CLAIM_ONE])
  await expect(v.page.getByTestId('mark-claim')).toHaveCount(0)
  await selectInArticle(v.page, 'Operation Herof Phase II')
  await v.page.keyboard.press('Control+Shift+M')
  await expect(v.page.getByTestId('mark-bubble')).toHaveCount(0)
  // Narrower than 1024 px the claims are a drawer over the text, opened from its toggle.
  await v.page.getByTestId('side-panel-show').click()
  await expect(v.sidebar.getByTestId('claim-card')).toHaveCount(1)
  await card(v, CLAIM_ONE).locator('[data-claim-head]').click()
  await expect(card(v, CLAIM_ONE).getByTestId('add-evidence')).toHaveCount(0)
  await expect(card(v, CLAIM_ONE).getByTestId('comment-input')).toHaveCount(0)
  await expect(card(v, CLAIM_ONE).getByTestId('assignee-select')).toBeDisabled()
  await screenshot(v.page, 'claims-viewer-narrow-text')
  await card(v, CLAIM_ONE).evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await screenshot(v.page, 'claims-viewer-narrow-sidebar')

  await o.close()
  await v.close()
  await owner.api.dispose()
  await viewer.api.dispose()
})

test('the claims list filters by status and verdict, says how many it shows, and clears', async ({ browser }) => {
  const owner = await signUpByApi('Filter Fatima')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id)
  for (const words of [CLAIM_ONE, 'seven of its fighters were killed']) {
    await selectInArticle(desk.page, words)
    await desk.page.getByTestId('mark-claim').click()
    await expect(card(desk, words)).toHaveCount(1)
  }
  // Close the open card: a claim open in the sidebar resets any filter that would hide it.
  await card(desk, 'seven of its fighters were killed').locator('[data-claim-head]').click()

  const filters = desk.sidebar.getByRole('group', { name: 'Filter claims' })
  const status = filters.getByRole('combobox', { name: 'Status' })
  const verdict = filters.getByRole('combobox', { name: 'Verdict' })
  await expect(status).toHaveAttribute('data-active', 'false')
  await verdict.selectOption({ label: 'No verdict' })
  await expect(verdict).toHaveAttribute('data-active', 'true')
  await expect(filters.getByRole('status')).toContainText('2 of 2 shown')
  await status.selectOption({ label: 'Done' })
  await expect(status).toHaveAttribute('data-active', 'true')
  await expect(filters.getByRole('status')).toContainText('0 of 2 shown')

  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect(filters.getByRole('status')).toHaveCount(0)
  await expect(status).toHaveValue('all')
  await expect(verdict).toHaveAttribute('data-active', 'false')
  await desk.close()
  await owner.api.dispose()
})
