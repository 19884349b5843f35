import { describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { editInsideOneClaimAtOnce, storedQuote } from '../support/body-edits.js'
import { connectClient, eventually } from '../support/clients.js'
import { scaleOutMissing, twoInstances } from '../support/two-instances.js'
import { deskTeam, markClaim, stateOf } from '../desk/desk-team.js'

const missing = await scaleOutMissing('quotes-follow scale-out test')

const TEXT = 'The army denied the figures. Officials in Quetta gave no number of their own.'

/** Quotes that follow the text with two instances on PostgreSQL and Redis: one value, the merged text's. */
describe.skipIf(missing.length > 0)('quotes that follow the text across two instances', () => {
  const servers = twoInstances()

  it('edits inside one claim through both instances at once converge on the quote of the merged text; the claim goes back to review', async () => {
    const [a, b] = servers()
    const team = await deskTeam(a, ['editor', 'checker'], TEXT)
    const claimId = await markClaim(a, team.checker, team.article, {
      quote: 'The army denied the figures',
      verdict: 'false',
      rationale: 'Counted.',
    })
    expect(
      (
        await call(a, `/api/articles/${team.article.id}/claims/${claimId}/decisions`, {
          method: 'POST',
          body: { decision: 'approve' },
          token: team.editor.token,
        })
      ).status,
    ).toBe(201)
    const onA = connectClient(a, team.article.docId, { token: team.checker.token })
    const onB = connectClient(b, team.article.docId, { token: team.editor.token })
    try {
      await Promise.all([onA.synced, onB.synced])
      const wanted = await editInsideOneClaimAtOnce(onA, onB, claimId, 10_000)
      expect(storedQuote(onA, claimId)).toEqual(storedQuote(onB, claimId))
      await eventually(
        async () => (await stateOf(b, team.editor, team.article.id, claimId)) === 'in-review',
        5000,
        'the claim back in review',
      )
      const report = await call(b, `/api/articles/${team.article.id}/report.md`, { token: team.editor.token })
      expect(report.body).toContain(wanted)
    } finally {
      onA.destroy()
      onB.destroy()
    }
  })
})
