import { baseUrl, expect, openAs, screenshot, test } from './fixtures'

// The seed article's opening words; the server writes it into the demo document.
const SEED_OPENING = 'The Baloch Liberation Army (BLA) has claimed responsibility'
// Marks this run's typing, so a reused server (FC_E2E_BASE_URL) cannot satisfy a check with old text.
const RUN = Math.random().toString(36).slice(2, 6)

test('two people edit the demo article together and see each other', async ({ browser }) => {
  const alice = await openAs(browser, 'Alice Fischer')
  await expect(alice.text).toContainText(SEED_OPENING)
  await expect(alice.badge).toHaveAttribute('data-state', 'connected')
  await screenshot(alice.page, 'alice-alone')

  const bob = await openAs(browser, 'Bob Okafor')
  await expect(bob.text).toContainText(SEED_OPENING)

  // Presence: each sees both, and knows which one is them.
  for (const person of [alice, bob]) {
    await expect(person.presence).toContainText('Alice Fischer')
    await expect(person.presence).toContainText('Bob Okafor')
    await expect(person.presence.locator('li', { hasText: person.name })).toContainText('you')
    await expect(person.badge).toHaveAttribute('data-state', 'connected')
    await expect(person.badge).toHaveText(/Connected/)
  }

  // Alice types at the very start of the first paragraph.
  const note = `Editor’s note (${RUN}): the casualty figures below come from the BLA alone. `
  await alice.text.locator('p').first().click({ position: { x: 2, y: 8 } })
  await alice.page.keyboard.press('Home')
  await alice.page.keyboard.type(note)
  await expect(alice.text.locator('p').first()).toContainText(note.trim())

  // …and Bob sees her words, and her named caret where she is typing.
  await expect(bob.text.locator('p').first()).toContainText(note.trim())
  const aliceCaret = bob.page.getByTestId('caret-label').filter({ hasText: 'Alice Fischer' })
  await expect(aliceCaret).toBeVisible()

  // And the other way round.
  await bob.text.locator('p').nth(1).click({ position: { x: 2, y: 8 } })
  await bob.page.keyboard.press('Home')
  await bob.page.keyboard.type(`Checked (${RUN}): `)
  await expect(alice.text.locator('p').nth(1)).toContainText(`Checked (${RUN}):`)
  await expect(alice.page.getByTestId('caret-label').filter({ hasText: 'Bob Okafor' })).toBeVisible()

  await screenshot(alice.page, 'alice-with-bob')
  await screenshot(bob.page, 'bob-with-alice')

  await alice.context.close()
  await expect(bob.presence).not.toContainText('Alice Fischer')
  await bob.context.close()
})

test('edits made offline are kept and reach others on reconnect', async ({ browser }) => {
  const alice = await openAs(browser, 'Alice Fischer')
  const bob = await openAs(browser, 'Bob Okafor')
  await expect(alice.badge).toHaveAttribute('data-state', 'connected')
  await expect(bob.text).toContainText(SEED_OPENING)

  await alice.context.setOffline(true)
  await expect(alice.badge).toHaveAttribute('data-state', 'offline')

  const words = `Written offline (${RUN}). `
  await alice.text.locator('p').nth(2).click({ position: { x: 2, y: 8 } })
  await alice.page.keyboard.press('Home')
  await alice.page.keyboard.type(words)
  await expect(alice.page.getByTestId('unsynced-edits')).toContainText(/\d+ edits? waiting to sync/)
  await screenshot(alice.page, 'alice-offline')
  // Nothing left Alice's browser: Bob must not have it yet.
  await expect(bob.text).not.toContainText(words.trim())

  await alice.context.setOffline(false)
  await expect(alice.badge).toHaveAttribute('data-state', 'connected')
  await expect(alice.page.getByTestId('unsynced-edits')).toHaveCount(0)
  await expect(bob.text).toContainText(words.trim())
  // Back in step, both see each other again at once (not after an awareness timeout).
  await expect(alice.presence).toContainText('Bob Okafor', { timeout: 5_000 })
  await expect(bob.presence).toContainText('Alice Fischer', { timeout: 5_000 })

  await alice.context.close()
  await bob.context.close()
})

test('the first visit asks for a name, and bad addresses explain themselves', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: baseUrl() })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByTestId('name-form')).toBeVisible()
  await screenshot(page, 'welcome')
  await page.getByRole('button', { name: 'Open the article' }).click()
  await expect(page.getByRole('alert')).toContainText('Enter the name')

  await page.getByLabel('Your name').fill('Chidi Eze')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('article-editor')).toBeVisible()

  // The name is remembered: a reload goes straight to the article.
  await page.reload()
  await expect(page.getByTestId('article-editor')).toBeVisible()
  await expect(page.getByTestId('presence-list')).toContainText('Chidi Eze')

  await page.goto('/d/not%20a%20valid%20id')
  await expect(page.getByTestId('inline-state')).toContainText('There is nothing at this address')
  await screenshot(page, 'not-found')
  await context.close()
})

test('an unreachable server is explained in place, with a retry', async ({ browser }) => {
  const person = await openAs(browser, 'Dana Whitfield', {
    prepare: (page) => page.route('**/api/demo', (route) => route.abort('connectionrefused')),
  })
  const state = person.page.getByTestId('inline-state')
  await expect(state).toContainText('The server cannot be reached')
  await screenshot(person.page, 'server-unreachable')

  await person.page.unroute('**/api/demo')
  await state.getByRole('button', { name: 'Try again' }).click()
  await expect(person.text).toContainText(SEED_OPENING)
  await person.context.close()
})

test('renaming yourself updates what others see', async ({ browser }) => {
  const alice = await openAs(browser, 'Alice Fischer')
  const bob = await openAs(browser, 'Bob Okafor', { viewport: { width: 390, height: 844 } })
  await expect(bob.presence).toContainText('Alice Fischer')
  await bob.text.locator('p').first().click({ position: { x: 2, y: 8 } })
  await screenshot(bob.page, 'phone')

  await alice.presence.getByRole('button', { name: 'Change name' }).click()
  const dialog = alice.page.getByRole('dialog', { name: 'Change your name' })
  await expect(dialog).toBeVisible()
  await screenshot(alice.page, 'rename-dialog')
  await dialog.getByLabel('Your name').fill('Alice F. Fischer')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  await expect(bob.presence).toContainText('Alice F. Fischer')
  await alice.text.locator('p').first().click({ position: { x: 2, y: 8 } })
  await expect(bob.page.getByTestId('caret-label').filter({ hasText: 'Alice F. Fischer' })).toBeVisible()
  await alice.context.close()
  await bob.context.close()
})
