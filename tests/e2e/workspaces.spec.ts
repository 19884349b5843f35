import { baseUrl, expect, screenshot, SEED_TITLE, signUp, test } from './fixtures'

test('workspaces: switch, create one, and fill it with pasted and imported articles', async ({ browser }) => {
  const olu = await signUp(browser, 'Olu Adeyemi')
  const { page } = olu
  await expect(page.getByTestId('article-list')).toContainText(SEED_TITLE)
  await screenshot(page, 'article-list')

  // The switcher lists workspaces with the role; "New workspace" makes an empty one.
  const switcher = page.getByTestId('workspace-switcher')
  await switcher.getByRole('button').click()
  await expect(page.getByRole('menuitemradio', { name: /Olu Adeyemi's workspace/ })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(page.getByRole('menuitemradio', { name: /Olu Adeyemi's workspace/ })).toContainText('Owner')
  await screenshot(page, 'workspace-switcher')
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  const newWorkspace = page.getByTestId('new-workspace-dialog')
  await newWorkspace.getByRole('button', { name: 'Create workspace' }).click()
  await expect(newWorkspace.getByRole('alert')).toContainText('Give the workspace a name')
  await newWorkspace.getByLabel('Name').fill('Election desk')
  await screenshot(page, 'new-workspace-dialog')
  await newWorkspace.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Election desk')
  await expect(page.getByTestId('articles-empty')).toContainText('No articles in this workspace yet')
  await screenshot(page, 'article-list-empty')

  // Remembered: `/` returns to the workspace used last.
  await page.goto('/')
  await expect(page.getByTestId('workspace-name')).toHaveText('Election desk')

  // Pasted Markdown, with a bad source URL first: the error sits under that field.
  await page.getByTestId('articles-empty').getByRole('button', { name: 'New article' }).click()
  const dialog = page.getByTestId('new-article-dialog')
  await dialog.getByLabel('Title').fill('Turnout figures in the provincial vote')
  await dialog.getByLabel('Source URL').fill('javascript:alert(1)')
  await dialog.getByLabel('Format').selectOption('markdown')
  await dialog
    .getByLabel('Text', { exact: true })
    .fill(
      '# Turnout figures\n\nThe commission said **turnout reached 61%**, the highest since 1997.\n\nOpposition parties dispute the count.',
    )
  await screenshot(page, 'new-article-dialog')
  await dialog.getByRole('button', { name: 'Create article' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Must be an http or https URL.')
  await expect(dialog.getByLabel('Source URL')).toHaveAttribute('aria-invalid', 'true')
  await screenshot(page, 'new-article-error')
  await dialog.getByLabel('Source URL').fill('https://www.dawn.com/news/1912345/turnout')
  await dialog.getByRole('button', { name: 'Create article' }).click()

  await expect(page).toHaveURL(/\/a\/[A-Za-z0-9_-]+$/)
  await expect(olu.text).toContainText('The commission said turnout reached 61%')
  await expect(olu.text.locator('h1')).toHaveText('Turnout figures')
  // The top bar names the article by the title given, the heading stays part of the text; the source is one click away.
  await expect(page.getByTestId('article-title')).toHaveText('Turnout figures in the provincial vote')
  await expect(page.getByTestId('article-source').getByRole('link')).toHaveAttribute(
    'href',
    'https://www.dawn.com/news/1912345/turnout',
  )
  await expect(page.getByTestId('article-source')).toContainText('dawn.com')
  await screenshot(page, 'article-source-line')

  // HTML pasted with the default "Plain text" format: the dialog says so and reads it as HTML on request.
  await page.goto('/')
  await page.getByRole('button', { name: 'New article' }).click()
  await dialog.getByLabel('Title').fill('Clinic closures')
  await expect(dialog.getByLabel('Format')).toHaveValue('text')
  await dialog
    .getByLabel('Text', { exact: true })
    .fill('<h2>Clinics</h2>\n<p>The ministry said <strong>12 clinics</strong> closed in May.</p>')
  await expect(dialog.getByTestId('format-offer')).toContainText('This looks like HTML')
  await screenshot(page, 'new-article-format-offer')
  await dialog.getByTestId('format-offer').getByRole('button', { name: 'Import as HTML' }).click()
  await expect(dialog.getByLabel('Format')).toHaveValue('html')
  await expect(dialog.getByTestId('format-offer')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Create article' }).click()
  await expect(olu.text).toContainText('The ministry said 12 clinics closed in May.')
  await expect(olu.text).not.toContainText('<strong>')

  // An HTML file read in the browser; its headline becomes the title; scripts do not survive.
  await page.goto('/')
  await page.getByRole('button', { name: 'New article' }).click()
  await dialog.getByRole('radio', { name: 'Upload a file' }).check()
  await dialog.getByLabel('File', { exact: true }).setInputFiles({
    name: 'rally.html',
    mimeType: 'text/html',
    buffer: Buffer.from(
      '<html><head><title>ignored</title></head><body><h1>Rally crowd size</h1><p onclick="x()">Organisers claimed 200,000 attended.</p><script>alert(1)</script></body></html>',
    ),
  })
  await expect(dialog.getByLabel('Title')).toHaveValue('Rally crowd size')
  await expect(dialog.getByLabel('Format')).toHaveValue('html')
  await expect(dialog).toContainText('rally.html')
  await screenshot(page, 'new-article-file')
  await dialog.getByRole('button', { name: 'Create article' }).click()
  await expect(olu.text).toContainText('Organisers claimed 200,000 attended.')
  await expect(olu.text).not.toContainText('alert(1)')

  // The list: newest first, with date and source domain.
  await page.goto('/')
  const items = page.getByTestId('article-list').getByRole('listitem')
  await expect(items).toHaveCount(3)
  await expect(items.first()).toContainText('Rally crowd size')
  await expect(items.nth(2)).toContainText('dawn.com')
  await expect(items.nth(2)).toContainText(/Added .*\d{4}/)
  await screenshot(page, 'article-list-filled')

  // Both workspaces in the switcher now.
  await page.getByTestId('workspace-switcher').getByRole('button').click()
  await expect(page.getByTestId('workspace-option')).toHaveCount(2)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await olu.context.close()
})

test('API tokens: create one, see it once, use it, revoke it', async ({ browser }) => {
  const pia = await signUp(browser, 'Pia Lindgren')
  const { page } = pia
  await page.getByTestId('user-menu').getByRole('button').click()
  await page.getByRole('menuitem', { name: /API tokens/ }).click()
  await expect(page).toHaveURL(/\/account\/tokens$/)
  await expect(page.getByTestId('tokens-empty')).toBeVisible()
  await screenshot(page, 'tokens-empty')

  await page.getByLabel('Name').fill('newsroom bot')
  await page.getByRole('button', { name: 'Create token' }).click()
  const token = await page.getByTestId('new-token-value').getByRole('textbox').inputValue()
  expect(token).toMatch(/^fct_/)
  await expect(page.getByTestId('token-list')).toContainText('newsroom bot')
  await expect(page.getByTestId('token-list')).toContainText('never used')
  await screenshot(page, 'tokens-created')

  // It works for scripts…
  const asBot = await fetch(`${baseUrl()}/api/workspaces`, { headers: { authorization: `Bearer ${token}` } })
  expect(asBot.status).toBe(200)

  // …until revoked.
  await page.getByRole('button', { name: 'I have copied it' }).click()
  await expect(page.getByTestId('new-token')).toHaveCount(0)
  await page.getByRole('button', { name: 'Revoke newsroom bot' }).click()
  await screenshot(page, 'tokens-revoke-confirm')
  await page.getByTestId('revoke-dialog').getByRole('button', { name: 'Revoke token' }).click()
  await expect(page.getByTestId('tokens-empty')).toBeVisible()
  const afterRevoke = await fetch(`${baseUrl()}/api/workspaces`, { headers: { authorization: `Bearer ${token}` } })
  expect(afterRevoke.status).toBe(401)
  await pia.context.close()
})

test('keyboard: the menus open, move and close from the keyboard', async ({ browser }) => {
  const quinn = await signUp(browser, 'Quinn Mbeki')
  const { page } = quinn
  const userButton = page.getByTestId('user-menu').getByRole('button')
  await userButton.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: /API tokens/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Log out' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(userButton).toBeFocused()
  await expect(page.getByRole('menu')).toHaveCount(0)
  await quinn.context.close()
})

test('loading failures are explained in place, with a way to retry', async ({ browser }) => {
  const rosa = await signUp(browser, 'Rosa Ibáñez')
  const { page } = rosa

  // The server is gone when the app starts: a calm card, not a blank page.
  await page.route('**/api/me', (route) => route.abort('connectionrefused'))
  await page.reload()
  await expect(page.getByTestId('inline-state')).toContainText('The server cannot be reached')
  await screenshot(page, 'boot-unreachable')
  await page.unroute('**/api/me')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByTestId('workspace-name')).toBeVisible()

  // The list fails to load: said where the list would be.
  await page.route('**/api/workspaces/*/articles', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'storage is restarting' }),
    }),
  )
  await page.reload()
  const state = page.getByTestId('inline-state')
  await expect(state).toContainText('The articles could not be loaded')
  await expect(state).toContainText('Storage is restarting.')
  await screenshot(page, 'article-list-error')
  await page.unroute('**/api/workspaces/*/articles')
  await state.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByTestId('article-list')).toBeVisible()

  // A workspace that is not yours.
  await page.goto('/w/someone-elses-workspace')
  await expect(page.getByTestId('inline-state')).toContainText('This workspace does not exist')
  await rosa.context.close()
})
