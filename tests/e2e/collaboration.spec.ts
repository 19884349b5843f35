import { createInvite, expect, openArticle, screenshot, SEED_OPENING, signUp, test, type Person } from './fixtures'
import type { Browser } from '@playwright/test'

// Marks this run's typing, so a reused server (FC_E2E_BASE_URL) cannot satisfy a check with old text.
const RUN = Math.random().toString(36).slice(2, 6)

/**
 * Alice signs up (her first workspace holds a copy of the seed article), invites Bob as a
 * checker, Bob signs up through the link in his own browser, and both open Alice's copy.
 */
async function aliceAndBob(browser: Browser): Promise<{ alice: Person; bob: Person }> {
  const alice = await signUp(browser, 'Alice Fischer')
  const link = await createInvite(alice, 'checker')
  const bob = await signUp(browser, 'Bob Okafor', { path: new URL(link).pathname })
  // The invite brought Bob into Alice's workspace, not his own.
  await expect(bob.page.getByTestId('workspace-name')).toHaveText("Alice Fischer's workspace")
  await expect(bob.page.getByTestId('my-role')).toContainText('Checker')
  await openArticle(alice)
  await openArticle(bob)
  await expect(alice.page).toHaveURL(bob.page.url())
  return { alice, bob }
}

test('two people edit the demo article together and see each other', async ({ browser }) => {
  const { alice, bob } = await aliceAndBob(browser)
  await expect(alice.text).toContainText(SEED_OPENING)
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
  await alice.text
    .locator('p')
    .first()
    .click({ position: { x: 2, y: 8 } })
  await alice.page.keyboard.press('Home')
  await alice.page.keyboard.type(note)
  await expect(alice.text.locator('p').first()).toContainText(note.trim())

  // …and Bob sees her words, and her named caret where she is typing.
  await expect(bob.text.locator('p').first()).toContainText(note.trim())
  const aliceCaret = bob.page.getByTestId('caret-label').filter({ hasText: 'Alice Fischer' })
  await expect(aliceCaret).toBeVisible()

  // And the other way round: a checker edits too.
  await bob.text
    .locator('p')
    .nth(1)
    .click({ position: { x: 2, y: 8 } })
  await bob.page.keyboard.press('Home')
  await bob.page.keyboard.type(`Checked (${RUN}): `)
  await expect(alice.text.locator('p').nth(1)).toContainText(`Checked (${RUN}):`)
  await expect(alice.page.getByTestId('caret-label').filter({ hasText: 'Bob Okafor' })).toBeVisible()

  await screenshot(alice.page, 'article-alice-with-bob')
  await screenshot(bob.page, 'article-bob-with-alice')

  await alice.context.close()
  await expect(bob.presence).not.toContainText('Alice Fischer')
  await bob.context.close()
})

test('edits made offline are kept and reach others on reconnect', async ({ browser }) => {
  const { alice, bob } = await aliceAndBob(browser)
  await expect(alice.badge).toHaveAttribute('data-state', 'connected')
  await expect(bob.text).toContainText(SEED_OPENING)

  await alice.context.setOffline(true)
  await expect(alice.badge).toHaveAttribute('data-state', 'offline')

  const words = `Written offline (${RUN}). `
  await alice.text
    .locator('p')
    .nth(2)
    .click({ position: { x: 2, y: 8 } })
  await alice.page.keyboard.press('Home')
  await alice.page.keyboard.type(words)
  await expect(alice.page.getByTestId('unsynced-edits')).toContainText(/\d+ edits? waiting to sync/)
  await screenshot(alice.page, 'article-offline')
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

test('an unreachable server is explained in place, with a retry', async ({ browser }) => {
  const dana = await signUp(browser, 'Dana Whitfield')
  const articleUrl = await dana.page.getByTestId('article-list').getByRole('link').first().getAttribute('href')
  expect(articleUrl).toMatch(/^\/a\//)

  await dana.page.route('**/api/articles/*', (route) => route.abort('connectionrefused'))
  await dana.page.goto(articleUrl!)
  const state = dana.page.getByTestId('inline-state')
  await expect(state).toContainText('The server cannot be reached')
  await screenshot(dana.page, 'article-server-unreachable')

  await dana.page.unroute('**/api/articles/*')
  await state.getByRole('button', { name: 'Try again' }).click()
  await expect(dana.text).toContainText(SEED_OPENING)
  await dana.context.close()
})

test('on a phone the article and its people still fit', async ({ browser }) => {
  const erin = await signUp(browser, 'Erin Castillo', { viewport: { width: 390, height: 844 } })
  await openArticle(erin)
  await expect(erin.text).toContainText(SEED_OPENING)
  await expect(erin.badge).toHaveAttribute('data-state', 'connected')
  await screenshot(erin.page, 'phone-article')
  await erin.page.goto(`${new URL(erin.page.url()).origin}/`)
  await expect(erin.page.getByTestId('article-list')).toBeVisible()
  await screenshot(erin.page, 'phone-article-list')
  await erin.context.close()
})
