import { expect, openDesk, screenshot, selectInArticle, signUpByApi, test } from './fixtures'

// A phone call or an interview is evidence too: logged with who and when, no link needed,
// and carried into the report.
const CLAIM = 'seven of its fighters were killed'

test('an interview without a link is logged with who and when, and exported', async ({ browser }) => {
  const owner = await signUpByApi('Farah Iqbal')
  const article = (await (await owner.api.get('/api/demo')).json()) as { id: string }
  const desk = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })

  await selectInArticle(desk.page, CLAIM)
  await desk.page.getByTestId('mark-claim').click()
  const claimCard = desk.sidebar.getByTestId('claim-card').filter({ hasText: CLAIM })
  await claimCard.getByTestId('add-evidence').click()
  const form = claimCard.getByTestId('evidence-form')
  await form.getByTestId('evidence-kind').getByRole('radio', { name: 'Interview' }).check()
  // Nothing filled in: the form names what an interview needs, and stores nothing.
  await form.getByRole('button', { name: 'Add evidence' }).click()
  await expect(form).toContainText('Say who was interviewed or called.')
  await expect(form).toContainText('Say when the interview or call took place.')
  await expect(form.getByTestId('evidence-interviewee')).toBeFocused()
  await expect(claimCard.getByTestId('evidence-item')).toHaveCount(0)

  await form.getByTestId('evidence-interviewee').fill('Dr. Sana Rana, district health officer')
  await form.getByTestId('evidence-interviewed-date').fill('2026-11-30')
  await form.getByTestId('evidence-interviewed-time').fill('14:05')
  await form.getByText('Refutes', { exact: true }).click()
  await form.getByTestId('evidence-quote').fill('We received two bodies that day, not seven.')
  await screenshot(desk.page, 'evidence-interview-form')
  await form.getByRole('button', { name: 'Add evidence' }).click()

  const item = claimCard.getByTestId('evidence-item')
  await expect(item).toHaveCount(1)
  await expect(item.getByTestId('evidence-title')).toHaveText(
    'Interview or call with Dr. Sana Rana, district health officer',
  )
  await expect(item).toContainText('Interview or call')
  await expect(item).toContainText('14:05')
  await expect(item.getByRole('link')).toHaveCount(0)
  await screenshot(desk.page, 'evidence-interview-item')

  const report = await (await owner.api.get(`/api/articles/${article.id}/report.md`)).text()
  expect(report).toContain('**Interview or call with Dr. Sana Rana, district health officer**, 2026-11-30 14:05')
  expect(report).toContain('We received two bodies that day, not seven.')
  expect(report).not.toContain('No link given.')

  await desk.close()
  await owner.api.dispose()
})
