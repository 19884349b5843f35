import type { Locator, Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { baseUrl, expect, screenshot, selectInArticle, test } from './fixtures'
import { guest, shots, trainerWithWorkshop } from './workshop-room'

// The trainer's room, a trainer and three participants in real browsers: the ready-made demo
// key in one click, the QR code and projector view, the live dashboard and heat map following
// a participant within a second (no polling), the countdown locking the copies, the debrief
// beside the key, and the results tab with its charts and CSV.

const CLAIM_ONE = 'the BLA alleged that 84 Pakistani security personnel were killed and dozens more wounded'
const CLAIM_TWO = 'It also claimed to have taken 18 personnel captive'
const EXTRA = 'Some video clips circulating on social media'

async function mark(page: Page, sidebar: Locator, quote: string, verdict?: string): Promise<void> {
  await selectInArticle(page, quote)
  await page.getByTestId('mark-claim').click()
  const card = sidebar
    .getByTestId('claim-card')
    .filter({ has: page.getByTestId('claim-quote').getByText(quote, { exact: true }) })
  await expect(card).toHaveAttribute('data-open', 'true')
  if (verdict) {
    await card.getByTestId('verdict-select').selectOption(verdict)
    await card.getByTestId('verdict-rationale-input').fill('As the article reports it.')
    await card.getByRole('button', { name: 'Save verdict' }).click()
    await expect(card.getByTestId('verdict-view')).toBeVisible()
  }
}

test('the trainer’s room: demo key, QR, live view and heat map, countdown, debrief beside the key, charts and CSV', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const { page } = await trainerWithWorkshop(browser, 'Rosa Trainer', 'Room of three')

  // No key yet: the page opens on the key tab, where the ready-made key is one click.
  await expect(page.getByTestId('tab-key')).toHaveAttribute('aria-selected', 'true')
  await shots(page, 'room-key-empty')
  await page.getByTestId('key-load-demo').click()
  await expect(page.getByTestId('key-status')).toHaveText('Saved')
  await expect(page.getByTestId('key-row')).toHaveCount(6)
  await expect(page.getByTestId('workshop-state')).toHaveText('In progress')

  // The join tab: the code, its QR code, the projector view with the QR beside the code.
  await page.getByTestId('tab-join').click()
  const code = (await page.getByTestId('join-code').getAttribute('data-code')) ?? ''
  await expect(page.getByTestId('join-qr')).toHaveAttribute('data-link', `${baseUrl()}/join/${code}`)
  await shots(page, 'room-join')
  await page.getByTestId('project-code').click()
  await expect(page.getByTestId('projector-qr')).toBeVisible()
  await screenshot(page, 'room-projector-1440')
  await page.keyboard.press('Escape')

  // Three participants join; the live tab lists them as they come (no reload, no poll).
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.getByTestId('tab-live').click()
  const ana = await guest(browser, code, 'Ana')
  const ben = await guest(browser, code, 'Ben')
  const cy = await guest(browser, code, 'Cy', 390)
  await expect(page.getByTestId('participant-row')).toHaveCount(3)
  await expect(page.getByTestId('heatmap-empty')).toBeVisible()

  // Ana marks a claim: the trainer's row and heat map follow within a second.
  await selectInArticle(ana.page, CLAIM_ONE)
  const marked = Date.now()
  await ana.page.getByTestId('mark-claim').click()
  const anaRow = page.getByTestId('participant-row').filter({ hasText: 'Ana' })
  await expect(anaRow.getByTestId('participant-claims')).toHaveText('1', { timeout: 1000 })
  await expect(page.getByTestId('heat-run').first()).toHaveAttribute('data-n', '1', { timeout: 1000 })
  expect(Date.now() - marked).toBeLessThan(1500)
  const anaCard = ana.sidebar.getByTestId('claim-card').first()
  await anaCard.getByTestId('verdict-select').selectOption('unproven')
  await anaCard.getByTestId('verdict-rationale-input').fill('Only the BLA says so.')
  await anaCard.getByRole('button', { name: 'Save verdict' }).click()
  await expect(anaRow.getByTestId('participant-verdicts')).toHaveText('1', { timeout: 1000 })
  await mark(ana.page, ana.sidebar, EXTRA, 'true')

  await mark(ben.page, ben.sidebar, CLAIM_ONE, 'false')
  await mark(ben.page, ben.sidebar, CLAIM_TWO, 'unproven')
  await expect(page.getByTestId('heat-run').filter({ hasText: 'Pakistani' })).toHaveAttribute('data-n', '2')
  // A hot span: who marked it, with which verdict.
  await page.getByTestId('heat-run').filter({ hasText: 'Pakistani' }).click()
  const who = page.getByTestId('heatmap-who')
  await expect(who).toContainText('Marked by 2 of 3')
  await expect(who).toContainText('Ana')
  await expect(who).toContainText('Ben')
  await expect(page.getByTestId('heat-legend')).toContainText('all 3')
  await shots(page, 'room-live')
  await shots(ana.page, 'room-participant-copy')
  expect(requests.filter((u) => /\/api\/workshops\/[^/]+$/.test(new URL(u).pathname)).length).toBeLessThan(40)
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)

  // The countdown: set through the API for a near end (the buttons start at minutes) — everyone sees it tick, then it locks.
  const workshopId = new URL(page.url()).pathname.split('/').pop()!
  const endsAt = new Date(Date.now() + 20_000).toISOString()
  const res = await page.request.fetch(`/api/workshops/${workshopId}`, {
    method: 'PATCH',
    data: { endsAt },
    headers: { origin: baseUrl() },
  })
  expect(res.status()).toBe(200)
  await page.getByTestId('tab-join').click()
  await expect(page.getByTestId('countdown-left')).toBeVisible()
  await cy.page.reload()
  await expect(cy.page.getByTestId('participant-time-left')).toContainText('Time left')
  await shots(cy.page, 'room-participant-countdown')
  await expect(cy.page.getByTestId('copy-locked-notice')).toContainText('Time is up', { timeout: 30_000 })
  await expect(ana.page.getByTestId('copy-locked-notice')).toContainText('Time is up')
  await expect(ana.page.getByTestId('article-editor')).toHaveAttribute('data-editable', 'false')
  await expect(page.getByTestId('countdown-ended')).toBeVisible()
  await expect(page.getByTestId('trainer-time-left')).toHaveAttribute('data-ended', 'true')
  await shots(cy.page, 'room-participant-ended')
  // Joining is over.
  const late = await page.request.fetch('/api/workshops/join', {
    method: 'POST',
    data: { code, name: 'Late' },
    headers: { origin: baseUrl() },
  })
  expect(late.status()).toBe(409)

  // The results tab: alpha with its units and words, charts, per key claim, the CSV.
  await page.getByTestId('tab-results').click()
  const results = page.getByTestId('results')
  await expect(results.getByTestId('result-row')).toHaveCount(3)
  await expect(results.getByTestId('agreement-units')).toContainText('Rests on 1 key claim')
  await expect(results.getByTestId('agreement-label')).toHaveText('Too few claims to mean anything')
  await expect(results.getByTestId('chart-scores').locator('svg .ct-bar')).toHaveCount(3)
  // One bar per key claim and verdict given (zero-length where nobody gave that verdict).
  await expect(results.getByTestId('chart-agreement').locator('svg .ct-bar')).not.toHaveCount(0)
  await expect(results.getByTestId('key-claim-row').first()).toContainText('Found by 2 of 3: Ana, Ben')
  const [download] = await Promise.all([page.waitForEvent('download'), results.getByTestId('results-csv').click()])
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv.split('\r\n')[0]).toBe('name,precision,recall,f1,verdictAccuracy,claims')
  expect(csv).toContain('Ana,0.5,0.167,0.25,1,2\r\n')
  expect(csv).toContain('Cy,0,0,0,,0\r\n')
  await shots(page, 'room-results')

  // The reveal: each participant sees the key beside their own claims.
  await page.getByTestId('reveal').click()
  await page.getByTestId('reveal-dialog').getByTestId('confirm-reveal').click()
  const debrief = ana.page.getByTestId('key-debrief')
  await expect(debrief).toBeVisible({ timeout: 10_000 })
  await expect(debrief.getByTestId('key-debrief-item')).toHaveCount(6)
  await expect(debrief.getByTestId('key-debrief-item').nth(0)).toHaveAttribute('data-state', 'right')
  await expect(debrief.getByTestId('key-debrief-item').nth(1)).toHaveAttribute('data-state', 'missed')
  await expect(debrief.getByTestId('key-debrief-extra')).toContainText(EXTRA)
  await expect(debrief).toContainText('The only source is the militant group')
  await expect(ana.page.getByTestId('my-result')).not.toContainText('Ben')
  const benDebrief = ben.page.getByTestId('key-debrief')
  await expect(benDebrief.getByTestId('key-debrief-item').nth(0)).toHaveAttribute('data-state', 'wrong')
  await expect(benDebrief.getByTestId('key-debrief-item').nth(1)).toHaveAttribute('data-state', 'right')
  await shots(ana.page, 'room-participant-debrief')
  await shots(page, 'room-results-revealed')
})
