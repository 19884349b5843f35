import { addComment, addEvidence, getBodyText, markClaimAtText, setClaimField } from '@fc/shared'
import { card, expect, joinByInvite, openDesk, screenshot, signUpByApi, test } from './fixtures'
import { stockClient } from './stock-client'

// Issue 18: an opened claim is a desk tool, not a tall form. With 3 evidence items and 4
// comments, the verdict picker and the discussion's first comment are on screen as soon as the
// claim opens, at 1440×900 and at 1024×768, and at 390 px in the drawer over the text.
const WORDS = 'more than 80 members of Pakistani security forces were killed'

test('an opened claim shows its verdict picker and its first comment without scrolling', async ({ browser }) => {
  test.setTimeout(120_000)
  const owner = await signUpByApi('Mina Qureshi')
  const article = (await (await owner.api.get('/api/demo')).json()) as {
    id: string
    docId: string
    workspaceId: string
  }
  const checker = await joinByInvite(owner, article.workspaceId, 'checker', 'Tariq Baig')
  const { token } = (await (await owner.api.post('/api/tokens', { data: { name: 'seeder' } })).json()) as {
    token: string
  }
  const bot = await stockClient(article.docId, token)
  try {
    const text = getBodyText(bot.doc)
    const from = text.indexOf(WORDS)
    expect(from).toBeGreaterThan(-1)
    const claimId = markClaimAtText(bot.doc, from, from + WORDS.length, { createdBy: owner.userId })
    bot.doc.transact(() => {
      setClaimField(bot.doc, claimId, 'assignee', checker.userId)
      addEvidence(bot.doc, claimId, {
        url: 'https://www.ispr.gov.pk/press-release-detail?id=7000',
        title: 'ISPR press release on the Kalat attack',
        quote: 'Twelve soldiers embraced martyrdom.',
        stance: 'refutes',
        addedBy: owner.userId,
      })
      addEvidence(bot.doc, claimId, {
        kind: 'interview',
        interviewee: 'District police spokesperson',
        interviewedAt: '2026-11-30T10:15',
        stance: 'refutes',
        addedBy: owner.userId,
      })
      addEvidence(bot.doc, claimId, {
        url: 'https://www.dawn.com/news/herof-ii',
        title: 'Dawn: BLA claims coordinated attacks',
        stance: 'context',
        addedBy: owner.userId,
      })
      const first = addComment(bot.doc, claimId, {
        author: owner.userId,
        text: 'The BLA figure is not corroborated anywhere yet. Who has the hospital numbers?',
      })
      addComment(bot.doc, claimId, { author: owner.userId, text: 'Asking the Quetta desk.', replyTo: first })
      addComment(bot.doc, claimId, { author: owner.userId, text: 'ISPR says twelve; compare with the FIRs.' })
      addComment(bot.doc, claimId, { author: owner.userId, text: 'Draft verdict after the police call.' })
    })
    await new Promise((r) => setTimeout(r, 500))
  } finally {
    bot.close()
  }

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    const desk = await openDesk(browser, checker, article.id, viewport)
    const { page } = desk
    if (viewport.width < 1024) await page.getByTestId('side-panel-show').click()
    const claim = card(desk, WORDS)
    // Closed: who has it, beside its status, with the verdict colour and the counts.
    const assignee = claim.getByTestId('claim-assignee')
    await expect(assignee).toBeVisible()
    await expect(assignee).toHaveAttribute('title', 'Assigned to you')
    await expect(assignee).toContainText('TB')
    await expect(claim.getByTestId('evidence-count')).toContainText('3')
    await expect(claim.getByTestId('comment-count')).toContainText('4')
    expect((await claim.boundingBox())!.height).toBeLessThan(100)
    await screenshot(page, `claim-detail-${viewport.width}-closed`)
    await claim.locator('[data-claim-head]').click()
    await expect(claim).toHaveAttribute('data-open', 'true')
    await expect(claim.getByTestId('claim-quote')).toBeInViewport({ ratio: 1 })
    await expect(claim.getByTestId('verdict-select')).toBeInViewport({ ratio: 1 })
    await expect(claim.getByTestId('comment').first()).toBeInViewport({ ratio: 1 })
    // The measurement, kept with the run's results: where the verdict picker and the first comment end.
    const bottom = async (l: ReturnType<typeof claim.getByTestId>) =>
      Math.round((await l.boundingBox())!.y + (await l.boundingBox())!.height)
    test.info().annotations.push({
      type: `${viewport.width}×${viewport.height}`,
      description: `verdict picker ends at ${await bottom(claim.getByTestId('verdict-select'))} px, first comment at ${await bottom(claim.getByTestId('comment').first())} px`,
    })
    await screenshot(page, `claim-detail-${viewport.width}`)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0)
    await desk.close()
  }
})
