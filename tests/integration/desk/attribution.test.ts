import { addClaim, addComment, addEvidence, claimsMap, readClaim, setVerdict } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends } from '../support/backends.js'
import { connectClient, eventually, waitFor } from '../support/clients.js'
import { onServerDb, storedDocument } from '../support/stored-docs.js'
import { deskTeam } from './desk-team.js'

/**
 * Who did what is the server's word (docs/architecture.md, "Attribution"): stock clients write
 * whatever they like into the document; the server's record and the authorship fields follow who
 * actually sent each change.
 */
describe.each(backends())('attribution through stock clients ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'forged createdBy, addedBy and author end corrected in every client and in storage; the record names the sender',
    async () => {
      const server = await backend.start()
      try {
        const { owner, checker, article } = await deskTeam(server, ['checker'])
        const watcher = connectClient(server, article.docId, { token: owner.token })
        const forger = connectClient(server, article.docId, { token: checker.token })
        await Promise.all([watcher.synced, forger.synced])

        const claimId = addClaim(forger.doc, { quote: '40% of roads', createdBy: owner.user.id })
        const claimMap = claimsMap(forger.doc).get(claimId) as Y.Map<unknown>
        forger.doc.transact(() => {
          claimMap.set('approved', true)
          claimMap.set('status', 'done')
        })
        addEvidence(forger.doc, claimId, {
          url: 'https://example.org/report',
          title: 'Report',
          stance: 'refutes',
          addedBy: owner.user.id,
        })
        addComment(forger.doc, claimId, { author: owner.user.id, text: 'I, the owner, say so' })

        const corrected = (doc: Y.Doc) => {
          const c = readClaim(doc, claimId)
          return (
            c?.createdBy === checker.user.id &&
            c.evidence[0]?.addedBy === checker.user.id &&
            c.comments[0]?.author === checker.user.id
          )
        }
        await waitFor(() => corrected(watcher.doc) && corrected(forger.doc), 5000, 'the corrections in both clients')

        const rows = await onServerDb<{ kind: string; user_id: string }>(
          server,
          'SELECT kind, user_id FROM doc_items WHERE doc_id = $1 ORDER BY kind',
          [article.docId],
        )
        expect(rows).toEqual([
          { kind: 'claim', user_id: checker.user.id },
          { kind: 'comment', user_id: checker.user.id },
          { kind: 'evidence', user_id: checker.user.id },
        ])
        watcher.destroy()
        forger.destroy()
        expect(await server.stop()).toBe(0)
        const stored = await storedDocument(server, article.docId)
        expect(corrected(stored)).toBe(true)
        await server.restart()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    'a client relaying another user’s structs in its sync step 2 does not become their author; bindings survive a restart',
    async () => {
      const server = await backend.start()
      try {
        const { owner, checker, article } = await deskTeam(server, ['checker'])
        // The owner's client works on the article without reaching this server (its edits travel by
        // another path: a previous instance, a failover) and the checker's client holds them too.
        const ownerClient = connectClient(server, article.docId, { token: owner.token })
        await ownerClient.synced
        ownerClient.provider.disconnect()
        const claimId = addClaim(ownerClient.doc, { quote: 'roads were repaired', createdBy: owner.user.id })
        setVerdict(ownerClient.doc, claimId, 'false', 'The ministry’s own data disagrees.')

        const relay = new Y.Doc()
        Y.applyUpdate(relay, Y.encodeStateAsUpdate(ownerClient.doc))
        const relayer = connectClient(server, article.docId, { token: checker.token })
        Y.applyUpdate(relayer.doc, Y.encodeStateAsUpdate(relay))
        await relayer.synced
        const reader = connectClient(server, article.docId, { token: owner.token })
        await reader.synced
        await waitFor(() => readClaim(reader.doc, claimId) !== undefined, 5000, 'the relayed claim')
        await new Promise((r) => setTimeout(r, 300))
        // Not corrected to the relayer, not recorded as theirs, its clientID not bound to them.
        expect(readClaim(reader.doc, claimId)!.createdBy).toBe(owner.user.id)
        const bound = () =>
          onServerDb<{ client_id: number | string; user_id: string }>(
            server,
            'SELECT client_id, user_id FROM doc_clients WHERE doc_id = $1',
            [article.docId],
          )
        expect((await bound()).find((r) => Number(r.client_id) === ownerClient.doc.clientID)).toBeUndefined()
        expect(await onServerDb(server, 'SELECT user_id FROM doc_items WHERE doc_id = $1', [article.docId])).toEqual([])
        relayer.destroy()
        reader.destroy()

        // The owner's own socket comes back and edits: its clientID is the owner's from now on, across a restart.
        ownerClient.provider.connect()
        await ownerClient.synced
        setVerdict(ownerClient.doc, claimId, 'mostly-false', 'The ministry’s own data disagrees, mostly.')
        await eventually(
          async () =>
            (await bound()).some(
              (r) => Number(r.client_id) === ownerClient.doc.clientID && r.user_id === owner.user.id,
            ),
          5000,
          'the owner’s binding',
        )
        ownerClient.destroy()
        expect(await server.stop()).toBe(0)
        await server.restart()
        expect((await bound()).find((r) => Number(r.client_id) === ownerClient.doc.clientID)?.user_id).toBe(
          owner.user.id,
        )
      } finally {
        await server.stop()
      }
    },
  )
})
