import { getBodyText, markClaimAtText } from '@fc/shared'
import { card, expect, joinByInvite, openDesk, screenshot, signUpByApi, test } from './fixtures'
import { stockClient } from './stock-client'

// Issue 15: threaded comments between two people, live, from the keyboard. A starts a thread,
// B replies (A sees it as it is sent), A resolves it and it folds away for both; B, who did not
// start it and is no editor, is not offered Reopen.
const WORDS = 'more than 80 members of Pakistani security forces were killed'

test('A comments, B replies live, A resolves: the thread folds away for both', async ({ browser }) => {
  test.setTimeout(90_000)
  const owner = await signUpByApi('Amina Yusuf')
  const article = (await (await owner.api.get('/api/demo')).json()) as {
    id: string
    docId: string
    workspaceId: string
  }
  const checker = await joinByInvite(owner, article.workspaceId, 'checker', 'Bilal Khan')
  const { token } = (await (await owner.api.post('/api/tokens', { data: { name: 'seeder' } })).json()) as {
    token: string
  }
  const bot = await stockClient(article.docId, token)
  const text = getBodyText(bot.doc)
  const from = text.indexOf(WORDS)
  markClaimAtText(bot.doc, from, from + WORDS.length, { createdBy: owner.userId })
  await new Promise((r) => setTimeout(r, 300))
  bot.close()

  const a = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })
  const b = await openDesk(browser, checker, article.id, { width: 1024, height: 768 })
  const aCard = card(a, WORDS)
  const bCard = card(b, WORDS)
  for (const c of [aCard, bCard]) await c.locator('[data-claim-head]').click()

  // A: c goes to the comment box; Ctrl+Enter sends.
  await aCard.locator('[data-claim-head]').focus()
  await a.page.keyboard.press('c')
  await expect(aCard.getByTestId('comment-input')).toBeFocused()
  await a.page.keyboard.type('Who has the hospital numbers?')
  await a.page.keyboard.press('Control+Enter')

  // B: the thread arrives; Reply is a button in the tab order; the reply box takes the focus.
  const bThread = bCard.getByTestId('thread')
  await expect(bThread).toHaveCount(1)
  await expect(bThread).toContainText('Who has the hospital numbers?')
  await expect(bThread.getByTestId('resolve-button')).toHaveCount(0)
  // From the claim's head, by keys alone: Tab to the bar's Discussion, Enter, Tab to Reply, Enter.
  const reply = bThread.getByTestId('reply-button')
  await bCard.locator('[data-claim-head]').focus()
  await b.page.keyboard.press('Tab')
  await expect(bCard.getByTestId('jump-discussion')).toBeFocused()
  await b.page.keyboard.press('Enter')
  await expect(bCard.locator('[data-section="discussion"]')).toBeFocused()
  await b.page.keyboard.press('Tab')
  await expect(reply).toBeFocused()
  await b.page.keyboard.press('Enter')
  await expect(bThread.getByTestId('reply-input')).toBeFocused()
  await b.page.keyboard.type('@Ami')
  await expect(b.page.getByTestId('mention-list')).toContainText('Amina Yusuf')
  await b.page.keyboard.press('Enter')
  await b.page.keyboard.type('the Quetta desk has them')
  await b.page.keyboard.press('Control+Enter')
  // The box closes and the focus goes back to Reply.
  await expect(bThread.getByTestId('reply-input')).toHaveCount(0)
  await expect(reply).toBeFocused()

  // A sees the reply live, inside the thread, under the first comment.
  const aThread = aCard.getByTestId('thread')
  await expect(aThread.locator('.thread__replies [data-testid="comment"]')).toHaveCount(1)
  await expect(aThread.locator('.thread__replies')).toContainText('@Amina Yusuf the Quetta desk has them')
  await expect(aThread.locator('.thread__replies')).toContainText('Bilal Khan')
  await screenshot(a.page, 'threads-1440-reply')

  // A resolves with the keyboard: the thread folds away for both, behind "1 resolved".
  await aThread.getByTestId('resolve-button').focus()
  await a.page.keyboard.press('Enter')
  for (const c of [aCard, bCard]) {
    await expect(c.getByTestId('thread')).toHaveCount(0)
    await expect(c.getByTestId('resolved-toggle')).toHaveText('1 resolved')
    await expect(c.getByTestId('all-resolved')).toBeVisible()
  }
  await screenshot(b.page, 'threads-1024-collapsed')

  // B opens the resolved threads: who resolved it, and no Reopen for someone who may not.
  await bCard.getByTestId('resolved-toggle').focus()
  await b.page.keyboard.press('Enter')
  await expect(bThread).toHaveAttribute('data-resolved', 'true')
  await expect(bThread.getByTestId('thread-resolved')).toContainText('Resolved by Amina Yusuf')
  await expect(bThread.getByTestId('resolve-button')).toHaveCount(0)
  await expect(bThread.getByTestId('reply-button')).toHaveCount(0)
  await screenshot(b.page, 'threads-1024-resolved-shown')

  // A reopens it: back in the discussion for both.
  await aCard.getByTestId('resolved-toggle').click()
  await aThread.getByTestId('resolve-button').click()
  await expect(aThread).toHaveAttribute('data-resolved', 'false')
  await expect(bCard.getByTestId('resolved-toggle')).toHaveCount(0)
  await expect(bThread.getByTestId('reply-button')).toBeVisible()

  await a.close()
  await b.close()
})
