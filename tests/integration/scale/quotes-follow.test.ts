import { getBodyText } from '@fc/shared'
import { describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { editInsideOneClaimAtOnce, replaceInBody, storedQuote } from '../support/body-edits.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
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

describe.skipIf(missing.length > 0)('the second look, when the instance that received the edit is gone', () => {
  const servers = twoInstances()

  it('the other instance brings the quote up to date from the relayed edit', async () => {
    const [a, b] = servers()
    const team = await deskTeam(a, ['checker'], TEXT)
    const claimId = await markClaim(a, team.checker, team.article, { quote: 'The army denied the figures' })
    const onB = connectClient(b, team.article.docId, { token: team.checker.token })
    const onA = connectClient(a, team.article.docId, { token: team.checker.token })
    try {
      await Promise.all([onA.synced, onB.synced])
      // A writes the follow-up QUOTE_FOLLOW_MS (250 ms) after it applied the edit, never sooner: killed
      // within 200 ms of the edit, it cannot have, so whatever brings B's quote up to date is B's own.
      const sent = Date.now()
      replaceInBody(onA.doc, 'army denied', 'army flatly denied')
      await waitFor(() => getBodyText(onB.doc).includes('army flatly denied'), 5000, 'the edit relayed to B')
      onA.provider.disconnect()
      await a.kill()
      const killedAfter = Date.now() - sent
      if (killedAfter >= 200) console.warn(`[quotes-follow] killed ${killedAfter} ms after the edit: not conclusive`)
      else expect(storedQuote(onB, claimId).quote).toBe('The army denied the figures')
      await eventually(
        async () => storedQuote(onB, claimId).quote === 'The army flatly denied the figures',
        5000,
        'B to bring the quote up to date',
      )
      console.info(`[quotes-follow] the receiving instance was killed ${killedAfter} ms after the edit`)
    } finally {
      onA.destroy()
      onB.destroy()
    }
  })
})
