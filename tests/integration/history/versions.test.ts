import fs from 'node:fs'
import path from 'node:path'
import { getBodyText, markClaimAtText, setVerdict } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { call, createArticle, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { eventually } from '../support/clients.js'
import { REPO_ROOT } from '../support/server.js'
import { onServerDb } from '../support/stored-docs.js'
import { editAndLeave, rewrite, versions, versionsReach } from './support.js'

const SEED = fs.readFileSync(path.join(REPO_ROOT, 'shared/fixtures/seed-article.txt'), 'utf8')
const FIRST = 'The ministry said 40 schools reopened on Monday.\n\nLocal officials disputed the figure.'
const SECOND = 'The ministry said 25 schools reopened on Monday.\n\nLocal officials disputed the figure.'

describe.each(backends())('versions and the changes view ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'an auto version when the last socket leaves, a named one, both readable after compaction and restart; the changes between them',
    async () => {
      const server = await backend.start()
      try {
        const owner = await signUp(server, 'owner')
        const article = await createArticle(server, owner, owner.workspaceId, { title: 'Schools', text: FIRST })

        // Nobody edited yet: opening and leaving makes no version.
        await editAndLeave(server, owner, article.docId, () => undefined)
        expect(await versions(server, owner, article.id)).toEqual([])

        let claimId = ''
        await editAndLeave(server, owner, article.docId, (doc) => {
          const quote = '40 schools reopened'
          const from = getBodyText(doc).indexOf(quote)
          claimId = markClaimAtText(doc, from, from + quote.length, { createdBy: owner.user.id })
        })
        const [auto] = await versionsReach(server, owner, article.id, 1)
        expect(auto).toMatchObject({ kind: 'auto' })
        expect(auto!.by).toBeUndefined()

        const named = await call(server, `/api/articles/${article.id}/versions`, {
          body: { label: '  Before the edit  ' },
          token: owner.token,
        })
        expect(named.status).toBe(201)
        expect(named.body).toMatchObject({
          kind: 'named',
          label: 'Before the edit',
          by: { id: owner.user.id, name: 'owner' },
        })

        await editAndLeave(server, owner, article.docId, (doc) => {
          rewrite(doc, SECOND)
          setVerdict(doc, claimId, 'false', 'The register lists 25.')
        })
        const list = await versionsReach(server, owner, article.id, 3)
        expect(list.map((v) => v.kind)).toEqual(['auto', 'named', 'auto'])

        // The room unloaded: its log was folded into the snapshot, the old text is in no log row.
        await eventually(
          async () =>
            Number(
              (
                await onServerDb<{ n: number | string }>(
                  server,
                  'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = $1',
                  [article.docId],
                )
              )[0]!.n,
            ) === 0,
          5000,
          'compaction',
        )
        expect(await server.stop()).toBe(0)
        await server.restart()

        const first = await call(server, `/api/articles/${article.id}/versions/${named.body.id}`, {
          token: owner.token,
        })
        expect(first.status).toBe(200)
        expect(first.body).toMatchObject({ id: named.body.id, kind: 'named', text: FIRST })
        expect(first.body.claims).toHaveLength(1)
        expect(first.body.claims[0]).toMatchObject({ id: claimId, quote: '40 schools reopened' })
        expect(first.body.claims[0].verdict).toBeUndefined()

        const latest = await call(server, `/api/articles/${article.id}/versions/${list[0]!.id}`, { token: owner.token })
        expect(latest.body).toMatchObject({ text: SECOND })
        expect(latest.body.claims[0]).toMatchObject({ verdict: 'false' })

        const changes = await call(server, `/api/articles/${article.id}/changes?from=${named.body.id}&to=current`, {
          token: owner.token,
        })
        expect(changes.status).toBe(200)
        expect(changes.body).toMatchObject({ from: named.body.id, to: 'current' })
        const ops = changes.body.text as { op: string; text: string }[]
        expect(
          ops
            .filter((o) => o.op !== 'insert')
            .map((o) => o.text)
            .join(''),
        ).toBe(FIRST)
        expect(
          ops
            .filter((o) => o.op !== 'delete')
            .map((o) => o.text)
            .join(''),
        ).toBe(SECOND)
        expect(ops).toContainEqual({ op: 'delete', text: '40' })
        expect(ops).toContainEqual({ op: 'insert', text: '25' })
        // Attributed by the server: the owner's socket set the verdict.
        const by = { id: owner.user.id, name: 'owner' }
        expect(changes.body.claims).toContainEqual({
          claimId,
          quote: '40 schools reopened',
          change: 'verdict',
          after: 'false',
          by,
        })
        expect(changes.body.claims).toContainEqual({
          claimId,
          quote: '40 schools reopened',
          change: 'rationale',
          after: 'The register lists 25.',
          by,
        })

        const between = await call(server, `/api/articles/${article.id}/changes?from=${auto!.id}&to=${named.body.id}`, {
          token: owner.token,
        })
        expect(between.body.text).toEqual([{ op: 'keep', text: FIRST }])
        expect(between.body.claims).toEqual([])
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'paging newest first, and "since my last review" from the end of the previous visit',
    async () => {
      const server = await backend.start()
      try {
        const owner = await signUp(server, 'owner')
        const checker = await signUp(server, 'checker')
        await join(server, owner, owner.workspaceId, checker, 'checker')
        const article = await createArticle(server, owner, owner.workspaceId, { title: 'Seed', text: SEED })

        const made: string[] = []
        for (let i = 1; i <= 5; i++) {
          const res = await call(server, `/api/articles/${article.id}/versions`, {
            body: { label: `v${i}` },
            token: checker.token,
          })
          expect(res.status).toBe(201)
          made.push(res.body.id)
        }
        const page1 = await versions(server, checker, article.id, '?limit=2')
        expect(page1.map((v) => v.label)).toEqual(['v5', 'v4'])
        const page2 = await versions(server, checker, article.id, `?limit=2&before=${page1[1]!.id}`)
        expect(page2.map((v) => v.label)).toEqual(['v3', 'v2'])
        const page3 = await versions(server, checker, article.id, `?before=${page2[1]!.id}`)
        expect(page3.map((v) => v.label)).toEqual(['v1'])

        // The checker never had the article open: nothing to compare with.
        const none = await call(server, `/api/articles/${article.id}/changes?from=my-last-review`, {
          token: checker.token,
        })
        expect(none.status).toBe(404)
        expect(none.body.error).toBe('no earlier review')

        // A visit (open, then closed) ends after v5; the owner then changes the text.
        await editAndLeave(server, checker, article.docId, () => undefined)
        await new Promise((r) => setTimeout(r, 300))
        await editAndLeave(server, owner, article.docId, (doc) =>
          rewrite(doc, `${getBodyText(doc)}\n\nA correction was appended.`),
        )
        await versionsReach(server, owner, article.id, 6)

        const since = await call(server, `/api/articles/${article.id}/changes?from=my-last-review`, {
          token: checker.token,
        })
        expect(since.status).toBe(200)
        expect(since.body.from).toBe(made[4])
        expect(since.body.text.at(-1)).toEqual({ op: 'insert', text: '\n\nA correction was appended.' })
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'refuses other workspaces, low roles, unknown versions and garbage cleanly, recording nothing',
    async () => {
      const server = await backend.start()
      try {
        const owner = await signUp(server, 'owner')
        const viewer = await signUp(server, 'viewer')
        const stranger = await signUp(server, 'stranger')
        await join(server, owner, owner.workspaceId, viewer, 'viewer')
        const article = await createArticle(server, owner, owner.workspaceId, { title: 'A', text: FIRST })
        const v = await call(server, `/api/articles/${article.id}/versions`, {
          body: { label: 'one' },
          token: owner.token,
        })
        const base = `/api/articles/${article.id}`

        for (const p of ['/versions', `/versions/${v.body.id}`, `/changes?from=${v.body.id}`]) {
          expect((await call(server, `${base}${p}`, { token: stranger.token })).status).toBe(403)
        }
        expect((await call(server, `${base}/versions`, { body: { label: 'x' }, token: stranger.token })).status).toBe(
          403,
        )
        const low = await call(server, `${base}/versions`, { body: { label: 'x' }, token: viewer.token })
        expect(low.status).toBe(403)
        // A viewer reads history.
        expect((await call(server, `${base}/versions/${v.body.id}`, { token: viewer.token })).status).toBe(200)

        expect((await call(server, `${base}/versions/unknownversionid`, { token: owner.token })).status).toBe(404)
        expect((await call(server, `${base}/changes?from=unknownversionid`, { token: owner.token })).status).toBe(404)
        expect(
          (await call(server, `${base}/changes?from=${v.body.id}&to=nope0000`, { token: owner.token })).status,
        ).toBe(404)
        expect((await call(server, '/api/articles/nosucharticle/versions', { token: owner.token })).status).toBe(404)

        for (const q of [
          '',
          '?from=',
          '?from=a%20b',
          `?from=${v.body.id}&to=..%2Fx`,
          '?from=my-last-reviews!',
          `?from=${v.body.id}&to=`,
        ]) {
          const res = await call(server, `${base}/changes${q}`, { token: owner.token })
          expect(res.status, q).toBe(400)
          expect(res.body.error).toMatch(/^(from|to): /)
        }
        for (const q of ['?limit=0', '?limit=201', '?limit=abc', '?limit=-1', '?before=a%20b']) {
          expect((await call(server, `${base}/versions${q}`, { token: owner.token })).status, q).toBe(400)
        }
        expect((await call(server, `${base}/versions?before=unknownversionid`, { token: owner.token })).status).toBe(
          404,
        )
        for (const body of [{}, { label: '' }, { label: '   ' }, { label: 'x'.repeat(201) }, { label: 7 }, '{nope']) {
          const res = await call(server, `${base}/versions`, { body, token: owner.token })
          expect(res.status, JSON.stringify(body)).toBe(400)
        }
        expect((await versions(server, owner, article.id)).map((x) => x.id)).toEqual([v.body.id])
      } finally {
        await server.stop()
      }
    },
  )
})
