import { createInvite, expect, openArticle, screenshot, signUp, test, type Person } from './fixtures'

/** On the members page of `owner`'s workspace: gives `member` a new role and waits for "Saved". */
async function changeRole(owner: Person, member: Person, role: 'editor' | 'viewer'): Promise<void> {
  const row = owner.page
    .getByTestId('members-table')
    .getByTestId('member-row')
    .filter({ hasText: member.account.email })
  await row.getByRole('combobox', { name: `Role of ${member.name}` }).selectOption(role)
  await expect(row).toContainText('Saved')
}

test('an editor demoted while the article is open gets a read-only editor and a notice, without reloading', async ({
  browser,
}) => {
  const owner = await signUp(browser, 'Sana Qureshi')
  const link = await createInvite(owner, 'editor')
  const editor = await signUp(browser, 'Tomás Reyes', { path: new URL(link).pathname })
  await openArticle(editor)
  const { page } = editor
  await expect(editor.badge).toHaveAttribute('data-state', 'connected')
  await expect(editor.text).toHaveAttribute('contenteditable', 'true')
  await expect(page.getByTestId('start-workshop')).toBeVisible()
  await expect(page.getByTestId('view-only-badge')).toHaveCount(0)
  // At 1024 px the bar is tight: the workshop action takes its short label and the title keeps room.
  const wide = page.viewportSize()
  await page.setViewportSize({ width: 1024, height: 768 })
  // Both labels are in the button; the style shows the one that fits (innerText reads what is shown).
  await expect.poll(() => page.getByTestId('start-workshop').innerText()).toBe('Workshop')
  expect((await page.getByTestId('article-title').boundingBox())?.width ?? 0).toBeGreaterThan(100)
  await screenshot(page, 'article-topbar-1024')
  if (wide) await page.setViewportSize(wide)
  // Any full load from here on would defeat the point: count them.
  let loads = 0
  page.on('load', () => loads++)

  // He is typing when the owner demotes him.
  await editor.text.locator('p').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Typed as editor.')
  await owner.page.getByRole('link', { name: 'Members' }).click()
  await changeRole(owner, editor, 'viewer')

  const notice = page.getByTestId('role-notice')
  await expect(notice).toContainText('Your role changed to viewer: this article is now read-only.')
  await expect(notice).toHaveAttribute('role', 'alert')
  await expect(notice).toBeInViewport()
  await expect(editor.text).toHaveAttribute('contenteditable', 'false')
  await expect(editor.text).toHaveAttribute('aria-readonly', 'true')
  await expect(page.getByTestId('view-only-badge')).toHaveText('View only')
  await expect(page.getByTestId('start-workshop')).toHaveCount(0)
  await expect(page.getByTestId('article-toolbar')).toHaveCount(0)
  await expect(editor.badge).toHaveAttribute('data-state', 'connected')
  await screenshot(page, 'role-changed-read-only')

  // Keystrokes go nowhere now, visibly: the text does not change under his fingers.
  const before = await editor.text.innerText()
  await editor.text.locator('p').first().click()
  await page.keyboard.type('lost words ')
  await expect(editor.text).not.toContainText('lost words')
  expect(await editor.text.innerText()).toBe(before)

  // The workspace switcher says viewer too.
  await page.getByTestId('workspace-switcher').getByRole('button').click()
  await expect(page.getByRole('menuitemradio', { name: /Sana Qureshi's workspace/ })).toContainText('Viewer')
  await page.keyboard.press('Escape')

  // Promoted again: editable at once, and what he types reaches the owner.
  await changeRole(owner, editor, 'editor')
  await expect(notice).toContainText('Your role changed to editor: you can now edit this article.')
  // Wherever he is in the text (the space bar scrolled the read-only page), it is in view.
  await expect(notice).toBeInViewport()
  await expect(editor.text).toHaveAttribute('contenteditable', 'true')
  await expect(page.getByTestId('view-only-badge')).toHaveCount(0)
  await expect(page.getByTestId('start-workshop')).toBeVisible()
  await screenshot(page, 'role-changed-editable')
  await notice.getByRole('button', { name: 'Dismiss' }).click()
  await expect(notice).toHaveCount(0)
  await editor.text.locator('p').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Typed after promotion.')
  expect(loads).toBe(0)

  await owner.page.goto('/')
  await openArticle(owner)
  await expect(owner.text).toContainText('Typed as editor.')
  await expect(owner.text).toContainText('Typed after promotion.')
  await expect(owner.text).not.toContainText('lost words')
  await owner.context.close()
  await editor.context.close()
})
