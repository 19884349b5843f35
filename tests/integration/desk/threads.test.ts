import { addComment, readClaim, setThreadResolved } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { deskTeam, markClaim } from './desk-team.js'

interface NotificationItem {
  kind: string
  actor: { id: string; name: string }
  claimId: string
}

async function notifications(server: TestServer, who: Account): Promise<NotificationItem[]> {
  const res = await call<NotificationItem[]>(server, '/api/me/notifications', { token: who.token })
  if (res.status !== 200) throw new Error(`notifications: ${res.status}`)
  return res.body
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Threaded comments (docs/api.md, "Threads"): replies and resolve through stock clients, the
 * server's word on who replied and who resolved, who may resolve, mentions in replies, and the
 * report and annotations carrying both.
 */
describe.each(backends())('threaded comments ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'replies and resolve reach every client; forged authors and resolvers are corrected; only the thread’s author or an editor resolves; a mention in a reply notifies; exports carry threads',
    async () => {
      const server = await backend.start()
      try {
        const { owner, editor, checker, article } = await deskTeam(server, ['editor', 'checker'])
        const second = await signUp(server, 'second')
        await join(server, owner, owner.workspaceId, second, 'checker')
        const claimId = await markClaim(server, checker, article)

        const a = connectClient(server, article.docId, { token: checker.token })
        const b = connectClient(server, article.docId, { token: second.token })
        const e = connectClient(server, article.docId, { token: editor.token })
        await Promise.all([a.synced, b.synced, e.synced])
        const thread = (doc: typeof a.doc) => readClaim(doc, claimId)?.comments ?? []

        // The checker starts a thread; the second checker replies, claiming to be the owner, and mentions people.
        const rootId = addComment(a.doc, claimId, { author: checker.user.id, text: 'Who has the hospital numbers?' })
        await waitFor(() => thread(b.doc).some((c) => c.id === rootId), 5000, 'the thread reaches B')
        const replyId = addComment(b.doc, claimId, {
          author: owner.user.id,
          text: '@editor @checker the Quetta desk has them',
          mentions: [editor.user.id, checker.user.id, second.user.id],
          replyTo: rootId,
        })
        // Every client ends with the server's author on the reply, and the reply in its thread.
        for (const client of [a, e])
          await waitFor(
            () => thread(client.doc).find((c) => c.id === replyId)?.author === second.user.id,
            5000,
            'the reply’s author corrected on A and on the editor’s client',
          )
        expect(thread(e.doc).find((c) => c.id === replyId)).toMatchObject({ replyTo: rootId, author: second.user.id })

        // Mentioned in a reply: the editor and the thread's author, named as the one who sent it; never the sender or the forged author.
        await eventually(
          async () =>
            (await notifications(server, editor)).length > 0 && (await notifications(server, checker)).length > 0,
          8000,
          'mention notifications',
        )
        for (const who of [editor, checker]) {
          expect((await notifications(server, who)).map((n) => [n.kind, n.actor.id, n.claimId])).toEqual([
            ['mention', second.user.id, claimId],
          ])
        }
        expect(await notifications(server, second)).toEqual([])
        expect(await notifications(server, owner)).toEqual([])

        // The second checker did not start the thread and is no editor: the server undoes the resolve, everywhere.
        setThreadResolved(b.doc, claimId, rootId, true, second.user.id)
        await waitFor(() => thread(b.doc)[0]!.resolved === undefined, 5000, 'B’s resolve undone')
        await pause(300)
        expect(thread(a.doc)[0]).not.toHaveProperty('resolved')
        expect(thread(e.doc)[0]).not.toHaveProperty('resolvedBy')

        // The thread's author resolves, naming the editor as the resolver: the server says who did it.
        setThreadResolved(a.doc, claimId, rootId, true, editor.user.id)
        await waitFor(() => thread(a.doc)[0]!.resolvedBy === checker.user.id, 5000, 'the resolver corrected')
        await waitFor(() => thread(b.doc)[0]!.resolvedBy === checker.user.id, 5000, 'B sees the corrected resolver')
        expect(thread(b.doc)[0]).toMatchObject({ resolved: true })

        // An editor may reopen anyone's thread; it stays reopened, in the editor's name.
        setThreadResolved(e.doc, claimId, rootId, false, editor.user.id)
        await waitFor(() => thread(a.doc)[0]!.resolved === false, 5000, 'A sees the thread reopened')
        await pause(300)
        expect(thread(b.doc)[0]).toMatchObject({ resolved: false, resolvedBy: editor.user.id })

        // Resolved again by its author: the report and the annotations carry the reply and the resolve.
        setThreadResolved(a.doc, claimId, rootId, true, checker.user.id)
        await waitFor(() => thread(e.doc)[0]!.resolved === true, 5000, 'resolved again')
        let report = ''
        await eventually(
          async () =>
            (report = (await call(server, `/api/articles/${article.id}/report.md`, { token: editor.token }))
              .body).includes('Resolved by checker'),
          5000,
          'the report to show the resolve',
        )
        expect(report).toContain('- Comments: 2 (1 of 1 threads resolved)')
        expect(report).toMatch(
          /1\. \*\*checker\*\*, \S+:\n\n {3}> Who has the hospital numbers\?\n\n {3}\*Resolved by checker, \S+\.\*\n\n {3}- Reply from \*\*second\*\*, \S+:\n\n {5}> \\@editor \\@checker the Quetta desk has them/,
        )
        expect(report).not.toContain(owner.user.id)

        const raw = (await call(server, `/api/articles/${article.id}/annotations`, { token: checker.token })).body
        const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<Record<string, any>>
        expect(list.map((x) => x.motivation)).toEqual(['questioning', 'commenting', 'replying'])
        expect(list[1]).toMatchObject({ target: list[0]!.id, creator: { name: 'checker' } })
        expect(list[1]!.body).toContainEqual({
          type: 'TextualBody',
          purpose: 'tagging',
          value: 'resolved',
          format: 'text/plain',
        })
        expect(list[2]).toMatchObject({
          target: list[1]!.id,
          creator: { name: 'second' },
          body: [{ purpose: 'replying', value: '@editor @checker the Quetta desk has them' }],
        })

        for (const client of [a, b, e]) client.destroy()
      } finally {
        await server.stop()
      }
    },
    90_000,
  )
})
