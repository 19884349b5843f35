import { addClaim, readClaim, setClaimField, setVerdict } from '@fc/shared'
import { describe, expect, it } from 'vitest'
import { call, signUp } from '../support/accounts.js'
import { connectClient, waitFor } from '../support/clients.js'
import { openLiveEvents } from '../support/live-events.js'
import { scaleOutMissing, twoInstances } from '../support/two-instances.js'
import { deskTeam, editOverSocket, markClaim, reviewOf, stateOf } from '../desk/desk-team.js'

const missing = await scaleOutMissing('desk scale-out tests')

/** The editor's desk on two instances sharing PostgreSQL and Redis: one record, one set of events. */
describe.skipIf(missing.length > 0)('review and attribution across two instances', () => {
  const servers = twoInstances()

  it('a decision on one instance reaches a member’s stream on the other (not a non-member’s); a change made there reopens the claim and names who made it', async () => {
    const [a, b] = servers()
    const team = await deskTeam(a, ['editor', 'checker'])
    const outsider = await signUp(a, 'outsider')
    const claimId = await markClaim(a, team.owner, team.article, { verdict: 'false' })
    const memberOnB = await openLiveEvents(b, { cookie: team.checker.cookie })
    const editorOnA = await openLiveEvents(a, { cookie: team.editor.cookie })
    const outsiderOnB = await openLiveEvents(b, { cookie: outsider.cookie })
    try {
      const approve = await call(a, `/api/articles/${team.article.id}/claims/${claimId}/decisions`, {
        method: 'POST',
        body: { decision: 'approve' },
        token: team.editor.token,
      })
      expect(approve.status).toBe(201)
      expect(await memberOnB.next('review', (d) => d.claimId === claimId && d.state === 'approved', 10_000)).toEqual({
        articleId: team.article.id,
        claimId,
        state: 'approved',
      })

      // The checker edits the verdict through instance B: B attributes it, the record is one for both.
      await editOverSocket(
        b,
        team.checker,
        team.article.docId,
        (doc) => setVerdict(doc, claimId, 'mostly-false', 'Revised figures.'),
        async () => (await stateOf(a, team.editor, team.article.id, claimId)) === 'in-review',
      )
      expect(
        await editorOnA.next('review', (d) => d.claimId === claimId && d.state === 'in-review', 10_000),
      ).toMatchObject({ state: 'in-review' })
      const queue = await call(a, `/api/workspaces/${team.owner.workspaceId}/review-queue`, {
        token: team.editor.token,
      })
      expect(queue.body).toEqual([
        expect.objectContaining({
          claimId,
          reason: 'changed-after-approval',
          requestedBy: { id: team.checker.user.id, name: 'checker' },
          verdict: 'mostly-false',
        }),
      ])
      expect(
        (await reviewOf(a, team.owner, team.article.id)).claims.find((c) => c.claimId === claimId)?.verdictSetBy,
      ).toEqual({ id: team.checker.user.id, name: 'checker' })
      expect(outsiderOnB.events.filter((e) => e.type === 'review')).toEqual([])
    } finally {
      memberOnB.close()
      editorOnA.close()
      outsiderOnB.close()
    }
  })

  it('a forged author written through one instance ends corrected in a client on the other', async () => {
    const [a, b] = servers()
    const team = await deskTeam(a, ['checker'])
    const watcher = connectClient(a, team.article.docId, { token: team.owner.token })
    const forger = connectClient(b, team.article.docId, { token: team.checker.token })
    try {
      await Promise.all([watcher.synced, forger.synced])
      const claimId = addClaim(forger.doc, { quote: '40% of roads', createdBy: team.owner.user.id })
      setClaimField(forger.doc, claimId, 'status', 'done')
      await waitFor(
        () => readClaim(watcher.doc, claimId)?.createdBy === team.checker.user.id,
        10_000,
        'the correction on the other instance',
      )
      await waitFor(
        () => readClaim(forger.doc, claimId)?.createdBy === team.checker.user.id,
        10_000,
        'the correction for the forger',
      )
      expect(await stateOf(a, team.owner, team.article.id, claimId)).toBe('unreviewed')
    } finally {
      watcher.destroy()
      forger.destroy()
    }
  })
})
