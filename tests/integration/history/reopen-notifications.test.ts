import { addEvidence, setClaimField } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import { type Account, call, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { replaceInBody } from '../support/body-edits.js'
import { connectClient, eventually } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import { deskTeam, editOverSocket, markClaim, stateOf } from '../desk/desk-team.js'

const TEXT =
  'The minister said 40% of roads were repaired. Critics said only 12 bridges were built. Officials in Quetta gave no number of their own.'

interface Item {
  id: string
  kind: string
  actor: { id: string; name: string }
  articleId: string
  claimId: string
  reason?: string
}

/**
 * An approved claim whose reviewed content changes goes back to review (docs/api.md, "Review and
 * publishing"): that is a review request by whoever changed it, so every editor and owner of the
 * workspace (the approver among them) is told, and the changer is not.
 */
describe.each(backends())('notifications when an approved claim reopens ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'a change over a stock client, an editor’s own change and the quote follow-up of a body edit each tell exactly the editors and owners but the changer',
    async () => {
      const server = await backend.start()
      try {
        const team = await deskTeam(server, ['editor', 'checker', 'viewer'], TEXT)
        const { article, owner, editor, checker, viewer } = team
        const emil = await signUp(server, 'Emil')
        await join(server, owner, owner.workspaceId, emil, 'editor')
        const outsider = await signUp(server, 'outsider')
        const everyone = { owner, editor, emil, checker, viewer, outsider }
        const editorLive = await openLiveEvents(server, { cookie: editor.cookie })

        const inbox = async (who: Account) =>
          (await call<Item[]>(server, '/api/me/notifications', { token: who.token })).body
        const counts = async () =>
          Object.fromEntries(
            await Promise.all(
              Object.entries(everyone).map(async ([k, who]) => [k, (await inbox(who)).length] as const),
            ),
          )
        /** What each person gained since `before`: the new items' [kind, actor, claim, reason], newest first. */
        const gained = async (before: Record<string, number>) =>
          Object.fromEntries(
            await Promise.all(
              Object.entries(everyone).map(async ([k, who]) => {
                const list = await inbox(who)
                return [
                  k,
                  list.slice(0, list.length - before[k]!).map((n) => [n.kind, n.actor.name, n.claimId, n.reason]),
                ] as const
              }),
            ),
          )
        /** Waits (notifications are written one after another) until each person gained exactly `expected`. */
        const expectGained = async (before: Record<string, number>, expected: Record<string, unknown[]>) => {
          await eventually(
            async () => JSON.stringify(await gained(before)) === JSON.stringify(expected),
            5000,
            'the notifications',
          ).catch(() => undefined)
          expect(await gained(before)).toEqual(expected)
        }
        const approve = async (claimId: string, by: Account) => {
          const res = await call(server, `/api/articles/${article.id}/claims/${claimId}/decisions`, {
            method: 'POST',
            body: { decision: 'approve' },
            token: by.token,
          })
          expect(res.status).toBe(201)
        }
        const reopened = (claimId: string) => async () =>
          (await stateOf(server, owner, article.id, claimId)) === 'in-review'

        // 1. The checker changes an approved claim's rationale from a stock y-websocket client.
        const claimId = await markClaim(server, checker, article, { verdict: 'false' })
        await approve(claimId, editor)
        let before = await counts()
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, claimId, 'rationale', 'The budget shows 12%.'),
          reopened(claimId),
        )
        // The reason tells the inbox this is a reopen, not someone asking (an addition to the contract).
        const told = ['review-requested', 'checker', claimId, 'changed-after-approval']
        await expectGained(before, {
          owner: [told],
          editor: [told],
          emil: [told],
          checker: [],
          viewer: [],
          outsider: [],
        })
        // Live, to the editor who approved it, with the claim to open.
        const pushed = await editorLive.next('notification', (n) => n.claimId === claimId)
        expect(pushed).toMatchObject({
          kind: 'review-requested',
          reason: 'changed-after-approval',
          articleId: article.id,
          actor: { id: checker.user.id },
        })
        const activity = await call<{ kind: string; actor: { id: string }; summary: string }[]>(
          server,
          `/api/articles/${article.id}/activity`,
          { token: viewer.token },
        )
        expect(activity.body.find((a) => a.kind === 'review-requested')).toMatchObject({
          actor: { id: checker.user.id },
          summary: expect.stringMatching(/after its approval: back in review$/),
        })

        // 2. An editor (Emil) approves, then adds evidence himself: the others are told, not Emil.
        await approve(claimId, emil)
        before = await counts()
        await editOverSocket(
          server,
          emil,
          article.docId,
          (doc) =>
            addEvidence(doc, claimId, {
              url: 'https://example.org/budget',
              title: 'Budget 2024',
              quote: '12%',
              stance: 'refutes',
              addedBy: emil.user.id,
            }),
          reopened(claimId),
        )
        const byEmil = ['review-requested', 'Emil', claimId, 'changed-after-approval']
        await expectGained(before, {
          owner: [byEmil],
          editor: [byEmil],
          emil: [],
          checker: [],
          viewer: [],
          outsider: [],
        })

        // 3. The checker edits the words of another approved claim: the server's quote follow-up reopens it, as the checker's.
        const quoted = await markClaim(server, checker, article, {
          quote: 'Officials in Quetta gave no number of their own',
          verdict: 'true',
          rationale: 'Confirmed by phone.',
        })
        await approve(quoted, editor)
        before = await counts()
        const words = connectClient(server, article.docId, { token: checker.token })
        try {
          await words.synced
          replaceInBody(words.doc, 'gave no number', 'gave a number')
          await eventually(reopened(quoted), 5000, 'the quote follow-up to reopen the claim')
          const byChecker = ['review-requested', 'checker', quoted, 'changed-after-approval']
          await expectGained(before, {
            owner: [byChecker],
            editor: [byChecker],
            emil: [byChecker],
            checker: [],
            viewer: [],
            outsider: [],
          })
        } finally {
          words.destroy()
        }

        // A change that does not reopen (the claim is already in review) tells nobody again.
        before = await counts()
        await editOverSocket(
          server,
          checker,
          article.docId,
          (doc) => setClaimField(doc, claimId, 'rationale', 'The budget shows 12%, page 4.'),
          async () => {
            const queue = await call<{ claimId: string; rationale: string }[]>(
              server,
              `/api/workspaces/${owner.workspaceId}/review-queue`,
              { token: viewer.token },
            )
            return queue.body.some((q) => q.claimId === claimId && q.rationale.includes('page 4'))
          },
        )
        // The listeners run a moment after the change is applied: give a wrong notification time to land.
        await new Promise((r) => setTimeout(r, 1000))
        expect(await counts()).toEqual(before)
        editorLive.close()
      } finally {
        await server.stop()
      }
    },
    120_000,
  )
})
