import type { VerdictId } from '@fc/shared'
import { expect, joinByInvite, openDesk, screenshot, signUpByApi, test, type Desk } from './fixtures'
import { clickWords, drawnOverlaps, wordsBox } from './claim-text'
import { markClaims, seedArticle, sentences } from './many-claims'

// "Search claims" above the claims list: past ~300 cards the list is windowed, so the
// browser's find-in-page cannot find a card that is not drawn; the search box can. Every
// word must be in a claim's quote, rationale, claimant or assignee's name, whatever the case
// and accents; Escape and × clear it; nothing found says so, with the way out.

const CLAIMS = 400
const FAR = 350
const PERSONNEL = '84 Pakistani security personnel'

async function workspaceOf(owner: Awaited<ReturnType<typeof signUpByApi>>): Promise<string> {
  const [workspace] = (await (await owner.api.get('/api/workspaces')).json()) as Array<{ id: string }>
  return workspace!.id
}

function searchBox(desk: Desk) {
  return desk.sidebar.getByRole('searchbox', { name: 'Search claims' })
}

test('400 claims: the search finds a card the windowed list had not drawn, by rationale, claimant, assignee and quote', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const owner = await signUpByApi('Search Owner')
  const zoe = await joinByInvite(owner, await workspaceOf(owner), 'checker', 'Zoë Ødegaard')
  const article = await seedArticle(owner, 'Operation Herof, 400 claims', 28)
  const claims = await markClaims(article, owner.userId, sentences(CLAIMS), (i) =>
    i === FAR
      ? { rationale: 'Contradicted by the État-major’s own bulletin', claimant: 'Radio Zamzama', assignee: zoe.userId }
      : i % 100 === 7
        ? { assignee: zoe.userId }
        : {},
  )
  const far = claims[FAR]!.id
  const desk = await openDesk(browser, owner, article.id, { width: 1440, height: 900 })
  const { page, sidebar } = desk
  const list = sidebar.getByTestId('claim-list')
  const cards = list.getByTestId('claim-card')
  const farCard = list.locator(`[data-claim-card][data-claim-id="${far}"]`)
  await expect(list).toHaveAttribute('data-windowed', 'true')
  await expect(cards.first()).toBeVisible()
  // Not drawn: find-in-page could not find it.
  await expect(farCard).toHaveCount(0)

  const search = searchBox(desk)
  const count = sidebar.getByTestId('claim-search-count')
  // By its rationale, accents and case aside, the words in any order.
  await search.fill('bulletin ETAT-major')
  await expect(cards).toHaveCount(1)
  await expect(farCard).toBeVisible()
  await expect(count).toHaveText(`1 of ${CLAIMS} match`)
  await expect(list).toHaveAttribute('data-windowed', 'false')
  await screenshot(page, 'claims-search-400-rationale')

  // By claimant and assignee's name together; by the assignee's name alone (ø and ë folded).
  await search.fill('zamzama zoe')
  await expect(cards).toHaveCount(1)
  await expect(farCard).toBeVisible()
  await search.fill('odegaard')
  await expect(cards).toHaveCount(5)
  await expect(count).toHaveText(`5 of ${CLAIMS} match`)

  // By the quote: every repeat of the sentence.
  const withPersonnel = claims.filter((c) => c.quote.includes(PERSONNEL)).length
  expect(withPersonnel).toBeGreaterThan(20)
  await search.fill('personnel 84 PAKISTANI')
  await expect(count).toHaveText(`${withPersonnel} of ${CLAIMS} match`)
  await expect(cards.first()).toContainText(PERSONNEL)

  // Escape clears it: the whole list is back, windowed.
  await search.press('Escape')
  await expect(search).toHaveValue('')
  await expect(count).toBeHidden()
  await expect(list).toHaveAttribute('data-windowed', 'true')
  await expect(cards.first()).toHaveAttribute('data-claim-id', claims[0]!.id)

  // Nothing found: said, with the way out. All words must match.
  await search.fill('zamzama unicorn')
  const none = sidebar.getByTestId('claim-search-none')
  await expect(none).toContainText('No claims match “zamzama unicorn”')
  await expect(cards).toHaveCount(0)
  await screenshot(page, 'claims-search-400-none')
  await none.getByRole('button', { name: 'Clear search' }).click()
  await expect(search).toHaveValue('')
  await expect(none).toBeHidden()
  await expect(cards.first()).toBeVisible()

  // A claim opened from the text while the search hides it: the search ends, its card shows.
  await search.fill('zamzama')
  await expect(cards).toHaveCount(1)
  await clickWords(page, claims[0]!.quote.slice(0, 40))
  await expect(search).toHaveValue('')
  await expect(list.locator(`[data-claim-card][data-claim-id="${claims[0]!.id}"]`)).toHaveAttribute('data-open', 'true')
  // A search typed while a claim is open keeps going.
  await search.fill('zamzama')
  await expect(cards).toHaveCount(1)
  await expect(farCard).toBeVisible()

  // The × clears it too, and leaves the focus in the box for the next search.
  await sidebar.getByRole('button', { name: 'Clear search' }).click()
  await expect(search).toHaveValue('')
  await expect(search).toBeFocused()
  await expect(list).toHaveAttribute('data-windowed', 'true')
  await desk.close()
})

const VERDICTS: Array<VerdictId | undefined> = ['true', 'false', 'misleading', undefined, 'mixed', 'unproven']
const NESTED = 'has drawn attention to the persistent volatility'

test('the article screen with 20 claims (one open, one overlap), a search with results and one without, at 1440, 1024 and 390 px', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const owner = await signUpByApi('Screens Owner')
  const article = await seedArticle(owner, 'Operation Herof, 20 claims', 2)
  const claims = await markClaims(
    article,
    owner.userId,
    (text) => [
      ...sentences(19)(text),
      // Inside the second sentence: the overlap.
      { from: text.indexOf(NESTED), to: text.indexOf(NESTED) + NESTED.length },
    ],
    (i) => {
      const verdict = i === 19 ? 'true' : VERDICTS[i % VERDICTS.length]
      return verdict === undefined ? {} : { verdict }
    },
  )
  const open = claims[2]!
  for (const width of [1440, 1024, 390] as const) {
    const desk = await openDesk(browser, owner, article.id, { width, height: width === 390 ? 844 : 900 })
    const { page, sidebar } = desk
    const drawer = width < 1024
    const showPanel = () => (drawer ? page.getByTestId('side-panel-show').click() : Promise.resolve())
    await showPanel()
    const cards = sidebar.getByTestId('claim-card')
    await expect(cards).toHaveCount(20)
    await sidebar.locator(`[data-claim-card][data-claim-id="${open.id}"] [data-claim-head]`).click()
    if (drawer) await page.getByTestId('side-panel-hide').click()
    await page.mouse.move(1, 1)
    await wordsBox(page, open.quote.slice(0, 30))
    await expect.poll(() => drawnOverlaps(page)).toEqual([NESTED])
    await screenshot(page, `h18ux-${width}-open-overlap`)

    await showPanel()
    await searchBox(desk).fill('pakistani')
    await expect(sidebar.getByTestId('claim-search-count')).toBeVisible()
    await screenshot(page, `h18ux-${width}-search`)
    await searchBox(desk).fill('pakistani unicorn')
    await expect(sidebar.getByTestId('claim-search-none')).toBeVisible()
    await screenshot(page, `h18ux-${width}-search-none`)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      `${width}px`,
    ).toBeLessThanOrEqual(0)
    await desk.close()
  }
})
