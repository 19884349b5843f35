import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backends } from '../support/backends.js'
import { connectClient, drained, sleep, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { type Account, call, createArticle, join, setRole, signUp, socketOutcome } from '../support/accounts.js'

/**
 * One instance remembers the gate's token and role answers until the next access change
 * (server/src/auth/gate-cache.ts). Each case first lets the member in, so the answer is
 * remembered, then changes their access and connects again at once: the new answer holds.
 */
describe.each(backends())('the socket gate remembers tokens and roles only until access changes ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  let docId: string
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    owner = await signUp(server, 'owner')
    docId = (await createArticle(server, owner, owner.workspaceId)).docId
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const url = (token: string) => `${server.wsUrl}/${docId}?token=${encodeURIComponent(token)}`
  const member = async (label: string, role: string): Promise<Account> => {
    const who = await signUp(server, label)
    await join(server, owner, owner.workspaceId, who, role)
    return who
  }

  run('a revoked token is refused (4401) on the very next upgrade after it was let in', async () => {
    const who = await member('revoked', 'editor')
    for (let i = 0; i < 3; i++) expect((await socketOutcome(url(who.token), { openMs: 100 })).code).toBe('open')
    const tokens = await call<{ id: string }[]>(server, '/api/tokens', { token: who.token })
    const revoke = await call(server, `/api/tokens/${tokens.body[0]!.id}`, { method: 'DELETE', token: who.token })
    expect(revoke.status).toBe(204)
    expect((await socketOutcome(url(who.token))).code).toBe(4401)
    // The owner's remembered answers were dropped with it, and are simply read again.
    expect((await socketOutcome(url(owner.token), { openMs: 100 })).code).toBe('open')
  })

  run('a removed member is refused (4403) on the very next upgrade after they were let in', async () => {
    const who = await member('removed', 'editor')
    expect((await socketOutcome(url(who.token), { openMs: 100 })).code).toBe('open')
    const removed = await call(server, `/api/workspaces/${owner.workspaceId}/members/${who.user.id}`, {
      method: 'DELETE',
      token: owner.token,
    })
    expect(removed.status).toBe(204)
    expect((await socketOutcome(url(who.token))).code).toBe(4403)
  })

  run('a member added after an upgrade was refused is let in at once (refusals are not remembered)', async () => {
    const who = await signUp(server, 'late')
    expect((await socketOutcome(url(who.token))).code).toBe(4403)
    await join(server, owner, owner.workspaceId, who, 'editor')
    expect((await socketOutcome(url(who.token), { openMs: 100 })).code).toBe('open')
  })

  run('demoted to viewer, the next socket’s edits are dropped; promoted again, the next one’s apply', async () => {
    const who = await member('demoted', 'editor')
    const watcher = connectClient(server, docId, { token: owner.token })
    await watcher.synced
    const before = connectClient(server, docId, { token: who.token })
    await before.synced
    before.destroy()

    expect((await setRole(server, owner, who, 'viewer')).status).toBe(200)
    const viewer = connectClient(server, docId, { token: who.token })
    await viewer.synced
    viewer.doc.getMap('notes').set('viewer', 'should be dropped')
    await drained(viewer, watcher, 'viewer-done')
    expect(watcher.doc.getMap('notes').get('viewer')).toBeUndefined()
    viewer.destroy()

    expect((await setRole(server, owner, who, 'editor')).status).toBe(200)
    const editor = connectClient(server, docId, { token: who.token })
    await editor.synced
    editor.doc.getMap('notes').set('editor', 'applies')
    await waitFor(() => watcher.doc.getMap('notes').get('editor') === 'applies', 5000, 'the editor’s edit')
    await sleep(50)
    expect(watcher.doc.getMap('notes').get('viewer')).toBeUndefined()
    editor.destroy()
    watcher.destroy()
  })
})
