import { removeClaim } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { eventually, sleep } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { scaleOutMissing, twoInstances } from '../support/two-instances.js'
import { type DeskTeam, deskTeam, editOverSocket, markClaim } from './desk-team.js'

type Counts = { claims: number; withVerdict: number }

async function countsOf(server: Pick<TestServer, 'httpUrl'>, who: Account, articleId: string): Promise<Counts> {
  const res = await call(server, `/api/workspaces/${who.workspaceId}/articles`, { token: who.token })
  expect(res.status).toBe(200)
  const { claims, withVerdict } = (res.body as Array<{ id: string; counts: Counts }>).find(
    (a) => a.id === articleId,
  )!.counts
  return { claims, withVerdict }
}

/** Waits until the list says `want`, then that it keeps saying it once the room has unloaded (read from storage). */
async function listSays(server: Pick<TestServer, 'httpUrl'>, who: Account, articleId: string, want: Counts) {
  const same = async () => JSON.stringify(await countsOf(server, who, articleId)) === JSON.stringify(want)
  await eventually(same, 8000, `the list to count ${JSON.stringify(want)}`)
  await sleep(1500)
  for (let i = 0; i < 3; i++) expect(await countsOf(server, who, articleId)).toEqual(want)
}

/**
 * The article list keeps each stored document's counts until storage says the document changed
 * (server/src/articles/document-memo.ts): every change must still show, whichever instance made it.
 */
describe.each(backends())('article list counts ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'follow every change of a closed document: a claim marked, rated, deleted',
    async () => {
      const server = await backend.start()
      try {
        const team: DeskTeam = await deskTeam(server, ['checker'])
        await listSays(server, team.owner, team.article.id, { claims: 0, withVerdict: 0 })
        const rated = await markClaim(server, team.checker, team.article, { verdict: 'false' })
        await listSays(server, team.owner, team.article.id, { claims: 1, withVerdict: 1 })
        await markClaim(server, team.checker, team.article, { quote: 'only 12 bridges were built' })
        await listSays(server, team.owner, team.article.id, { claims: 2, withVerdict: 1 })
        await editOverSocket(
          server,
          team.checker,
          team.article.docId,
          (doc) => removeClaim(doc, rated),
          async () => (await countsOf(server, team.owner, team.article.id)).claims === 1,
        )
        await listSays(server, team.owner, team.article.id, { claims: 1, withVerdict: 0 })
      } finally {
        await server.stop()
      }
    },
  )
})

const missing = await scaleOutMissing('article list counts across instances')

describe.skipIf(missing.length > 0)('article list counts across two instances', () => {
  const servers = twoInstances()

  it('a change made on the other instance shows in this one’s list, which never opened the document', async () => {
    const [a, b] = servers()
    const team = await deskTeam(a, ['checker'])
    await listSays(a, team.owner, team.article.id, { claims: 0, withVerdict: 0 })
    await markClaim(b, team.checker, team.article, { verdict: 'true' })
    await listSays(a, team.owner, team.article.id, { claims: 1, withVerdict: 1 })
    await markClaim(b, team.checker, team.article, { quote: 'only 12 bridges were built' })
    await listSays(a, team.owner, team.article.id, { claims: 2, withVerdict: 1 })
  })
})
