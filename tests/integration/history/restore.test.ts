import {
  addComment,
  addEvidence,
  anchorClaim,
  bodyFragment,
  claimsMap,
  getBodyText,
  markClaimAtText,
  readClaim,
  setVerdict,
} from '@fc/shared'
import type * as Y from 'yjs'
import { afterAll, describe, expect, it } from 'vitest'
import { call, createArticle, join, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, waitFor } from '../support/clients.js'
import { versions } from './support.js'

const TEXT = [
  'The ministry said 40 schools reopened on Monday.',
  'Teachers unions said only half of them had staff.',
  'Local officials disputed the figure on Tuesday.',
].join('\n\n')

describe.each(backends())('restoring versions through the room ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'a deleted claim comes back with its evidence, comments and verdict, live to every open client; checkers and strangers are refused',
    async () => {
      const server = await backend.start()
      try {
        const editor = await signUp(server, 'Ed')
        const checker = await signUp(server, 'Cat')
        const stranger = await signUp(server, 'Stranger')
        await join(server, editor, editor.workspaceId, checker, 'checker')
        const article = await createArticle(server, editor, editor.workspaceId, { title: 'Schools', text: TEXT })
        const a = connectClient(server, article.docId, { token: editor.token })
        const b = connectClient(server, article.docId, { token: checker.token })
        await Promise.all([a.synced, b.synced])

        const quote = '40 schools reopened'
        const from = getBodyText(b.doc).indexOf(quote)
        const claimId = markClaimAtText(b.doc, from, from + quote.length, { createdBy: checker.user.id })
        addEvidence(b.doc, claimId, {
          url: 'https://example.org/register',
          title: 'School register',
          quote: '25 schools',
          stance: 'refutes',
          addedBy: checker.user.id,
        })
        addComment(b.doc, claimId, { author: checker.user.id, text: 'The register says 25.' })
        setVerdict(b.doc, claimId, 'false', 'The register lists 25.')
        await waitFor(
          () => readClaim(a.doc, claimId)?.verdict === 'false' && readClaim(a.doc, claimId)?.comments.length === 1,
          5000,
          'editor sees the claim',
        )
        const v1 = await call(server, `/api/articles/${article.id}/versions`, {
          body: { label: 'rated' },
          token: checker.token,
        })
        expect(v1.status).toBe(201)

        claimsMap(b.doc).delete(claimId)
        await waitFor(() => !claimsMap(a.doc).has(claimId), 5000, 'the deletion to reach the editor')
        const restorePath = `/api/articles/${article.id}/versions/${v1.body.id}/restore`

        // Refused cleanly, and nothing comes back.
        expect((await call(server, restorePath, { body: { claimId }, token: checker.token })).status).toBe(403)
        expect((await call(server, restorePath, { body: { claimId }, token: stranger.token })).status).toBe(403)
        expect(
          (
            await call(server, `/api/articles/${article.id}/versions/unknownversion/restore`, {
              body: { claimId },
              token: editor.token,
            })
          ).status,
        ).toBe(404)
        expect(
          (await call(server, restorePath, { body: { claimId: 'nosuchclaim' }, token: editor.token })).status,
        ).toBe(404)
        for (const body of [{ claimId: 'a b' }, { claimId: 7 }, '{']) {
          expect((await call(server, restorePath, { body, token: editor.token })).status, JSON.stringify(body)).toBe(
            400,
          )
        }
        await new Promise((r) => setTimeout(r, 300))
        expect(claimsMap(a.doc).has(claimId)).toBe(false)
        expect((await versions(server, editor, article.id)).map((v) => v.kind)).toEqual(['named'])

        const restored = await call(server, restorePath, { body: { claimId }, token: editor.token })
        expect(restored.status).toBe(200)
        for (const client of [a, b]) {
          await waitFor(() => readClaim(client.doc, claimId) !== undefined, 5000, 'the claim back on both clients')
          const claim = readClaim(client.doc, claimId)!
          expect(claim).toMatchObject({
            quote,
            verdict: 'false',
            rationale: 'The register lists 25.',
            createdBy: checker.user.id,
          })
          expect(claim.evidence.map((e) => e.title)).toEqual(['School register'])
          expect(claim.comments.map((c) => c.text)).toEqual(['The register says 25.'])
          const anchor = anchorClaim(client.doc, claim)
          expect(anchor.status).not.toBe('detached')
          if (anchor.status !== 'detached') expect(getBodyText(client.doc).slice(anchor.from, anchor.to)).toBe(quote)
        }
        const list = await versions(server, editor, article.id)
        expect(list[0]).toMatchObject({
          id: restored.body.versionId,
          kind: 'restore',
          by: { id: editor.user.id, name: 'Ed' },
        })
        const activity = await call(server, `/api/articles/${article.id}/activity`, { token: checker.token })
        expect(activity.body[0]).toMatchObject({ kind: 'restored', actor: { id: editor.user.id, name: 'Ed' }, claimId })
        a.destroy()
        b.destroy()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'deleted text restored while a second client keeps editing: the text is the version’s, the later claim is kept, later typing reaches everyone',
    async () => {
      const server = await backend.start()
      try {
        const editor = await signUp(server, 'Ed')
        const checker = await signUp(server, 'Cat')
        await join(server, editor, editor.workspaceId, checker, 'checker')
        const article = await createArticle(server, editor, editor.workspaceId, { title: 'Schools', text: TEXT })
        const a = connectClient(server, article.docId, { token: editor.token })
        const b = connectClient(server, article.docId, { token: checker.token })
        await Promise.all([a.synced, b.synced])
        const v1 = await call(server, `/api/articles/${article.id}/versions`, {
          body: { label: 'three paragraphs' },
          token: editor.token,
        })

        // The editor deletes the second paragraph; the checker then marks a claim in the third.
        bodyFragment(a.doc).delete(1, 1)
        await waitFor(() => !getBodyText(b.doc).includes('Teachers unions'), 5000, 'the deletion to reach the checker')
        const later = 'disputed the figure'
        const at = getBodyText(b.doc).indexOf(later)
        const laterClaim = markClaimAtText(b.doc, at, at + later.length, { createdBy: checker.user.id })
        await waitFor(() => claimsMap(a.doc).has(laterClaim), 5000, 'the later claim to reach the editor')

        const restored = await call(server, `/api/articles/${article.id}/versions/${v1.body.id}/restore`, {
          body: {},
          token: editor.token,
        })
        expect(restored.status).toBe(200)
        await waitFor(
          () => getBodyText(a.doc) === TEXT && getBodyText(b.doc) === TEXT,
          5000,
          'both clients to have the version’s text',
        )
        for (const client of [a, b]) {
          const claim = readClaim(client.doc, laterClaim)!
          expect(claim).toBeDefined()
          const anchor = anchorClaim(client.doc, claim)
          expect(anchor.status).toBe('anchored')
          if (anchor.status !== 'detached') expect(getBodyText(client.doc).slice(anchor.from, anchor.to)).toBe(later)
        }

        // The checker keeps typing; the editor sees it on the restored text.
        const third = bodyFragment(b.doc).get(2) as Y.XmlElement
        ;(third.get(0) as Y.XmlText).insert((third.get(0) as Y.XmlText).length, ' More to come.')
        await waitFor(
          () => getBodyText(a.doc).endsWith('on Tuesday. More to come.'),
          5000,
          'later typing to reach the editor',
        )

        // History kept every side: the version before the restore is still the deleted text's.
        const current = await call(server, `/api/articles/${article.id}/versions/${restored.body.versionId}`, {
          token: editor.token,
        })
        expect(current.body.text).toBe(TEXT)
        a.destroy()
        b.destroy()
      } finally {
        await server.stop()
      }
    },
  )
})
