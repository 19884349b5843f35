import { afterAll, describe, expect, it } from 'vitest'
import { call, createArticle } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { eventually } from '../support/clients.js'
import { deskTeam, markClaim } from '../desk/desk-team.js'

interface Item {
  id: string
  kind: string
  articleId: string
  articleTitle: string
  claimId?: string
}

/** Each activity item names its article (docs/api.md, "Activity and notifications"): the workspace page needs no fetch per line. */
describe.each(backends())('activity items name their article ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'the workspace feed over two articles gives each line its article’s title, on every page; the article feed too',
    async () => {
      const server = await backend.start()
      try {
        const team = await deskTeam(server, ['checker'])
        const { owner, checker } = team
        const roads = team.article
        const schools = await createArticle(server, owner, owner.workspaceId, {
          title: 'Schools “reopened” on Monday',
          text: 'The ministry said 40 schools reopened on Monday. Local officials disputed the figure.',
        })
        const first = await markClaim(server, checker, roads, { verdict: 'false' })
        const second = await markClaim(server, checker, schools, { quote: '40 schools reopened' })
        const third = await markClaim(server, owner, roads, { quote: 'only 12 bridges were built' })
        const feed = async (query = '') => {
          const res = await call<Item[]>(server, `/api/workspaces/${owner.workspaceId}/activity${query}`, {
            token: checker.token,
          })
          expect(res.status).toBe(200)
          return res.body
        }
        await eventually(
          async () => (await feed()).filter((i) => i.kind === 'claim-added').length === 3,
          8000,
          'three claims in the feed',
        )
        const titleOf = new Map([
          [roads.id, 'Roads and bridges'],
          [schools.id, 'Schools “reopened” on Monday'],
        ])
        const all = await feed()
        expect(all.length).toBeGreaterThanOrEqual(3)
        for (const item of all) expect(item.articleTitle).toBe(titleOf.get(item.articleId))
        expect(all.filter((i) => i.kind === 'claim-added').map((i) => [i.claimId, i.articleTitle])).toEqual([
          [third, 'Roads and bridges'],
          [second, 'Schools “reopened” on Monday'],
          [first, 'Roads and bridges'],
        ])

        // Paged one line at a time, every page carries the titles.
        let before: string | undefined
        const paged: Item[] = []
        for (;;) {
          const page = await feed(`?limit=1${before ? `&before=${before}` : ''}`)
          if (page.length === 0) break
          paged.push(...page)
          before = page.at(-1)!.id
        }
        expect(paged).toEqual(all)

        const articleFeed = await call<Item[]>(server, `/api/articles/${schools.id}/activity`, { token: checker.token })
        expect(articleFeed.body.map((i) => i.articleTitle)).toEqual(
          articleFeed.body.map(() => 'Schools “reopened” on Monday'),
        )
        expect(articleFeed.body.length).toBeGreaterThan(0)
      } finally {
        await server.stop()
      }
    },
    120_000,
  )
})
