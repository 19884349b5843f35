import { baseUrl, expect, test } from './fixtures'
import { guest, shots, trainerWithWorkshop } from './workshop-room'

// The countdown from the trainer's buttons: a preset starts it, +5 min extends it, Stop clears
// it, and every change reaches the participant's copy live; a one-minute countdown then runs out
// and the participant's copy locks, with the time-is-up notice and no more editing.

/** "4:58" → 298 s; "1:02:03" → 3723 s. */
function seconds(text: string): number {
  const parts = text.trim().split(':').map(Number)
  return parts.reduce((total, part) => total * 60 + part, 0)
}

test('the trainer starts a preset countdown, extends and stops it, participants follow live; at the end their copies lock', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const { page } = await trainerWithWorkshop(browser, 'Nadia Trainer', 'Timed room')
  await page.getByTestId('key-load-demo').click()
  await expect(page.getByTestId('key-status')).toHaveText('Saved')

  await page.getByTestId('tab-join').click()
  const code = (await page.getByTestId('join-code').getAttribute('data-code')) ?? ''
  // The join screen itself, before anyone joins.
  const joinContext = await browser.newContext({ baseURL: baseUrl(), reducedMotion: 'reduce' })
  const joinPage = await joinContext.newPage()
  await joinPage.goto(`/join/${code}`)
  await expect(joinPage.getByTestId('join-form')).toBeVisible()
  await shots(joinPage, 'room-join-screen')
  await joinContext.close()

  const dee = await guest(browser, code, 'Dee')
  const left = dee.page.getByTestId('participant-time-left')
  await expect(left).toHaveCount(0)

  // --- A preset: 5 minutes, on both sides -------------------------------------------------------------
  const countdown = page.getByTestId('countdown')
  await countdown
    .getByRole('group', { name: 'Start a countdown' })
    .getByRole('button', { name: '5 min', exact: true })
    .click()
  await expect(page.getByTestId('countdown-left')).toBeVisible()
  expect(seconds(await page.getByTestId('countdown-left').innerText())).toBeGreaterThan(270)
  expect(seconds(await page.getByTestId('countdown-left').innerText())).toBeLessThanOrEqual(300)
  await expect(left).toContainText('Time left')
  const deeLeft = seconds(await left.locator('[role="timer"]').innerText())
  expect(deeLeft).toBeGreaterThan(270)
  expect(deeLeft).toBeLessThanOrEqual(300)
  await shots(page, 'room-join-countdown')
  await shots(dee.page, 'room-participant-countdown-preset')

  // --- +5 min moves the end for everyone ---------------------------------------------------------------
  await countdown.getByRole('button', { name: '+5 min' }).click()
  await expect.poll(async () => seconds(await left.locator('[role="timer"]').innerText())).toBeGreaterThan(560)
  expect(seconds(await page.getByTestId('countdown-left').innerText())).toBeGreaterThan(560)

  // --- Stop clears it: the participant's clock goes, the presets come back -----------------------------------
  await page.getByTestId('countdown-clear').click()
  await expect(left).toHaveCount(0)
  await expect(countdown.getByRole('group', { name: 'Start a countdown' })).toBeVisible()
  await expect(dee.page.getByTestId('article-editor')).toHaveAttribute('data-editable', 'true')

  // --- One minute, from the Minutes field, runs out: the copy locks -----------------------------------------
  await page.getByTestId('countdown-minutes').fill('1')
  await page.getByTestId('countdown-start').click()
  await expect(left).toContainText('Time left')
  expect(seconds(await left.locator('[role="timer"]').innerText())).toBeLessThanOrEqual(60)
  await expect(dee.page.getByTestId('copy-locked-notice')).toContainText('Time is up', { timeout: 90_000 })
  await expect(dee.page.getByTestId('article-editor')).toHaveAttribute('data-editable', 'false')
  // An empty locked copy says so in the participant's terms, not a workspace's.
  await expect(dee.page.getByTestId('claims-empty')).toContainText(
    'No claims were marked in this copy before it locked.',
  )
  await expect(page.getByTestId('countdown-ended')).toBeVisible()
  await shots(dee.page, 'room-participant-locked')
  await shots(page, 'room-join-ended')
  await dee.page.context().close()
})
