import {
  baseUrl,
  createInvite,
  expect,
  fillLogin,
  fillSignup,
  newAccount,
  newPerson,
  openArticle,
  screenshot,
  SEED_OPENING,
  signUp,
  test,
} from './fixtures'

test('sign-up explains the password rule, and a short password gets an inline field error', async ({ browser }) => {
  const person = await newPerson(browser, { ...newAccount('Farah Haidari'), password: 'short' })
  const { page } = person
  await page.goto('/signup')
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible()
  const passwordField = page.getByTestId('password-field')
  await expect(passwordField).toContainText('At least 10 characters')
  await screenshot(page, 'signup')

  // Empty form: each field says what it needs, nothing is sent.
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true')

  await fillSignup(page, person.account)
  const password = page.getByLabel('Password', { exact: true })
  await expect(passwordField.getByRole('alert')).toHaveText('Must be at least 10 characters.')
  await expect(password).toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL(/\/signup$/)
  await screenshot(page, 'signup-short-password')

  // Fixing it signs the person up and lands them in their own workspace with the sample article.
  await password.fill('a much longer passphrase')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText("Farah Haidari's workspace")
  await expect(page.getByTestId('article-list')).toContainText('Sample article')
  await person.context.close()
})

test('a wrong password is an inline error; the right one signs in', async ({ browser }) => {
  const gita = await signUp(browser, 'Gita Raman')
  await gita.page.getByTestId('user-menu').getByRole('button').click()
  await gita.page.getByRole('menuitem', { name: 'Log out' }).click()
  await expect(gita.page).toHaveURL(/\/login$/)

  await fillLogin(gita.page, gita.account.email, 'not the password at all')
  await expect(gita.page.getByTestId('form-error')).toHaveText('Wrong email or password.')
  await expect(gita.page.getByRole('button', { name: 'Log in' })).toBeEnabled()
  await screenshot(gita.page, 'login-wrong-password')

  await gita.page.getByLabel('Password', { exact: true }).fill(gita.account.password)
  await gita.page.getByRole('button', { name: 'Log in' }).click()
  await expect(gita.page.getByTestId('workspace-name')).toHaveText("Gita Raman's workspace")
  await gita.context.close()
})

test('logging out returns to /login, and an article address then asks to sign in first', async ({ browser }) => {
  const hugo = await signUp(browser, 'Hugo Lindqvist')
  await openArticle(hugo)
  const articlePath = new URL(hugo.page.url()).pathname
  await expect(hugo.text).toContainText(SEED_OPENING)

  const menu = hugo.page.getByTestId('user-menu')
  await menu.getByRole('button').click()
  await expect(menu.getByRole('menu')).toContainText(hugo.account.email)
  await screenshot(hugo.page, 'user-menu')
  await hugo.page.getByRole('menuitem', { name: 'Log out' }).click()
  await expect(hugo.page).toHaveURL(/\/login$/)
  await screenshot(hugo.page, 'login')

  // The session is gone on the server too: the article sends us to log in, with the way back.
  await hugo.page.goto(articlePath)
  await expect(hugo.page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(articlePath)}$`))
  await fillLogin(hugo.page, hugo.account.email, hugo.account.password)
  await expect(hugo.page).toHaveURL(new RegExp(`${articlePath}$`))
  await expect(hugo.text).toContainText(SEED_OPENING)

  // Unknown addresses explain themselves instead of showing a blank page.
  await hugo.page.goto('/nowhere/at/all')
  await expect(hugo.page.getByTestId('inline-state')).toContainText('There is nothing at this address')
  await screenshot(hugo.page, 'not-found')
  await hugo.page.goto('/a/no-such-article')
  await expect(hugo.page.getByTestId('inline-state')).toContainText('This article does not exist')
  await screenshot(hugo.page, 'article-not-found')
  await hugo.context.close()
})

test('a viewer sees "View only" and cannot change the text', async ({ browser }) => {
  const ines = await signUp(browser, 'Ines Moreau')
  const link = await createInvite(ines, 'viewer', { screenshots: 'invite-dialog' })
  const jon = await signUp(browser, 'Jon Baptiste', { path: new URL(link).pathname })
  await expect(jon.page.getByTestId('my-role')).toContainText('Viewer')
  // Viewers create nothing and invite nobody.
  await expect(jon.page.getByRole('button', { name: 'New article' })).toHaveCount(0)
  await expect(jon.page.getByRole('button', { name: 'Invite people' })).toHaveCount(0)
  await screenshot(jon.page, 'article-list-viewer')

  await openArticle(jon)
  await expect(jon.page.getByTestId('view-only-badge')).toHaveText('View only')
  await expect(jon.text).toHaveAttribute('contenteditable', 'false')
  await expect(jon.badge).toHaveAttribute('data-state', 'connected')
  await screenshot(jon.page, 'article-viewer')
  const before = await jon.text.innerText()
  await jon.text.locator('p').first().click()
  await jon.page.keyboard.type('viewer scribble ')
  await expect(jon.text).not.toContainText('viewer scribble')
  expect(await jon.text.innerText()).toBe(before)
  await ines.context.close()
  await jon.context.close()
})

test('owners change roles and remove members; a removed member loses the open article at once', async ({ browser }) => {
  const kai = await signUp(browser, 'Kai Nakamura')
  const link = await createInvite(kai, 'checker')
  const lena = await signUp(browser, 'Lena Vogel', { path: new URL(link).pathname })
  await openArticle(lena)
  await expect(lena.badge).toHaveAttribute('data-state', 'connected')

  const { page } = kai
  await page.getByRole('link', { name: 'Members' }).click()
  await expect(page).toHaveURL(/\/w\/[A-Za-z0-9_-]+\/members$/)
  const table = page.getByTestId('members-table')
  const lenaRow = table.getByTestId('member-row').filter({ hasText: lena.account.email })
  const kaiRow = table.getByTestId('member-row').filter({ hasText: kai.account.email })
  await expect(lenaRow).toContainText('Lena Vogel')
  await expect(lenaRow.getByRole('combobox')).toHaveValue('checker')

  // Promote Lena to editor.
  await lenaRow.getByRole('combobox', { name: 'Role of Lena Vogel' }).selectOption('editor')
  await expect(lenaRow).toContainText('Saved')
  await page.reload()
  await expect(lenaRow.getByRole('combobox')).toHaveValue('editor')

  // The last owner cannot demote themselves: said inline, on their row.
  await kaiRow.getByRole('combobox', { name: 'Role of Kai Nakamura' }).selectOption('viewer')
  await expect(table.getByTestId('member-row-error').filter({ hasText: 'last owner' })).toHaveAttribute(
    'data-email',
    kai.account.email,
  )
  await screenshot(page, 'members-last-owner-error')

  // Remove Lena, after confirming.
  await lenaRow.getByRole('button', { name: 'Remove Lena Vogel' }).click()
  const dialog = page.getByTestId('remove-dialog')
  await expect(dialog).toContainText('loses access')
  await screenshot(page, 'members-remove-confirm')
  await dialog.getByRole('button', { name: 'Remove from workspace' }).click()
  await expect(dialog).toBeHidden()
  await expect(table.getByTestId('member-row')).toHaveCount(1)
  await screenshot(page, 'members')

  // Lena's open article closes in place instead of reconnecting forever.
  await expect(lena.page.getByTestId('inline-state')).toContainText('You no longer have access to this article')
  await expect(lena.badge).toHaveAttribute('data-state', 'refused')
  await expect(lena.editor).toHaveCount(0)
  await screenshot(lena.page, 'article-access-lost')
  // And reopening it is refused plainly too.
  await lena.page.reload()
  await expect(lena.page.getByTestId('inline-state')).toContainText('You do not have access to this article')
  await kai.context.close()
  await lena.context.close()
})

test('an invite link opened while signed out leads through log-in, then joins', async ({ browser }) => {
  const mara = await signUp(browser, 'Mara Kowalski')
  const link = await createInvite(mara, 'editor')
  // Nico already has an account: he follows the link, switches to "Log in", and joins.
  const nico = await signUp(browser, 'Nico Alvarez')
  await nico.context.clearCookies()
  await nico.page.goto(new URL(link).pathname)
  await expect(nico.page).toHaveURL(/\/signup\?next=%2Finvite%2F/)
  await expect(nico.page.getByTestId('invite-notice')).toBeVisible()
  await screenshot(nico.page, 'signup-invited')
  await nico.page.getByRole('link', { name: 'Log in' }).click()
  await expect(nico.page.getByTestId('invite-notice')).toContainText('Log in to join it')
  await fillLogin(nico.page, nico.account.email, nico.account.password)
  await expect(nico.page.getByTestId('workspace-name')).toHaveText("Mara Kowalski's workspace")
  await expect(nico.page.getByTestId('notice')).toContainText('as editor')
  await screenshot(nico.page, 'invite-joined')

  // A bad code is explained, with the way out.
  await nico.page.goto('/invite/AAAAAAAAAAAAAAAAAAAAAAAA')
  await expect(nico.page.getByTestId('inline-state')).toContainText('This invite link is not valid any more')
  await screenshot(nico.page, 'invite-invalid')
  expect(baseUrl()).toBeTruthy()
  await mara.context.close()
  await nico.context.close()
})
