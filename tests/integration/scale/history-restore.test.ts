import { removeClaim } from '@fc/shared'
import { describe, expect, it } from 'vitest'
import { call } from '../support/accounts.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { onServerDb } from '../support/stored-docs.js'
import { scaleOutMissing, twoInstances } from '../support/two-instances.js'
import { deskTeam, markClaim } from '../desk/desk-team.js'
import { versions } from '../history/support.js'

const missing = await scaleOutMissing('history scale-out tests')

/** A restore asked of one instance while the document is open only on the other (pinned below: A's room has unloaded). */
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

    // Marking the claim opened the document on A; the restore must find it closed there. The room
    // unloads when its last socket leaves: its closing makes an auto version (the claim changed
    // it), then its log is folded into the snapshot. Both done: A holds no room for it, and
    // nothing below opens one on A (no socket connects to A; HTTP reads and the restore use
    // storage when no room is open, articles/doc-reader.ts and doc-writer.ts).
    await eventually(
      async () => {
        const madeAuto = (await versions(a, team.owner, team.article.id)).some((v) => v.kind === 'auto')
        const rows = await onServerDb<{ n: number | string }>(
          a,
          'SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = $1',
          [team.article.docId],
        )
        return madeAuto && Number(rows[0]!.n) === 0
      },
      10_000,
      'the document to close on A',
    )

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
      // A still has no room for the document: the restore's version holds the claim, read back through A from storage.
      const restoredVersion = await call(a, `/api/articles/${team.article.id}/versions/${restored.body.versionId}`, {
        token: team.owner.token,
      })
      expect(restoredVersion.body.claims.map((c: { id: string }) => c.id)).toContain(claimId)
    } finally {
      onB.destroy()
    }
  })
})
