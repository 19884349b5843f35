import { removeClaim } from '@fc/shared'
import { describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { scaleOutMissing, twoInstances } from '../support/two-instances.js'
import { deskTeam, markClaim } from '../desk/desk-team.js'

const missing = await scaleOutMissing('history scale-out tests')

/** A restore asked of one instance while the document is open only on the other. */
describe.skipIf(missing.length > 0)('restore across two instances', () => {
  const servers = twoInstances()

  it('a claim restored through instance A reaches the clients that have the article open on instance B', async () => {
    const [a, b] = servers()
    const team = await deskTeam(a, ['editor'])
    const claimId = await markClaim(a, team.owner, team.article, { verdict: 'false' })
    const named = await call(a, `/api/articles/${team.article.id}/versions`, {
      body: { label: 'with the claim' },
      token: team.owner.token,
    })
    expect(named.status).toBe(201)

    const onB = connectClient(b, team.article.docId, { token: team.editor.token })
    try {
      await onB.synced
      await waitFor(() => onB.doc.getMap('claims').has(claimId), 5000, 'B has the claim')
      removeClaim(onB.doc, claimId)
      // The deletion is stored before A is asked to restore (A reads the document from storage).
      await eventually(
        async () => {
          const res = await call(a, `/api/articles/${team.article.id}/changes?from=${named.body.id}`, {
            token: team.owner.token,
          })
          return (res.body.claims as { change: string }[]).some((c) => c.change === 'removed')
        },
        10_000,
        'the deletion reached storage',
      )
      const restored = await call(a, `/api/articles/${team.article.id}/versions/${named.body.id}/restore`, {
        body: { claimId },
        token: team.owner.token,
      })
      expect(restored.status).toBe(200)
      await waitFor(() => onB.doc.getMap('claims').has(claimId), 10_000, 'the restore reached the client on B')
    } finally {
      onB.destroy()
    }
  })
})
