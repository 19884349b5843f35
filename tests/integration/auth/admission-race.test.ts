import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Account,
  call,
  createArticle,
  join,
  setRole as changeRole,
  signUp,
  socketOutcome,
} from '../support/accounts.js'
import { HOLD_ADMISSION_ENV, HOLD_PARAM, HOLD_QUERY, admissionHeld, heldClient } from '../support/admission-hold.js'
import { backends } from '../support/backends.js'
import { type TestClient, connectClient, drained, sleep, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'

/**
 * An access change applied while a socket is being let in (the gate has decided, the socket
 * has not joined its room yet) still reaches that socket (docs/api.md, "Access changes while a
 * socket is open"). The server holds the socket in that window until the change is applied
 * (support/admission-hold.ts), so each test hits the race every time.
 */
describe.each(backends())('access changes during admission ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  const clients: TestClient[] = []
  const open = (client: TestClient) => {
    clients.push(client)
    return client
  }
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start({ env: HOLD_ADMISSION_ENV })
    owner = await signUp(server, 'owner')
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  const member = async (label: string, role: string) => {
    const account = await signUp(server, label)
    await join(server, owner, owner.workspaceId, account, role)
    return account
  }
  const setRole = async (who: Account, role: string) => {
    const res = await changeRole(server, owner, who, role)
    expect(res.status).toBe(200)
  }

  run(
    'demoted while being let in as an editor: told like its open sockets, and its edits are not applied',
    async () => {
      const editor = await member('demoted', 'editor')
      const article = await createArticle(server, owner, owner.workspaceId, { title: 'Demoted', text: 'Start.' })
      const watcher = open(connectClient(server, article.docId, { token: owner.token }))
      await watcher.synced
      const client = open(connectClient(server, article.docId, { token: editor.token, ...HOLD_PARAM }))
      const heard = await heldClient(server, article.docId, client)

      await setRole(editor, 'viewer')
      await client.synced
      await waitFor(() => heard.length >= 2, 5000, 'the access message')
      expect(heard).toEqual([
        { kind: 'permission-denied', reason: expect.stringContaining('read-only: your role changed to viewer') },
        { kind: 'access', canWrite: false, role: 'viewer' },
      ])
      client.doc.getText('probe').insert(0, 'typed as a viewer')
      await drained(client, watcher, 'demoted')
      expect(watcher.doc.getText('probe').toString()).toBe('')
    },
  )

  run('promoted while being let in as a viewer: told, and its edits go through', async () => {
    const viewer = await member('promoted', 'viewer')
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Promoted', text: 'Start.' })
    const watcher = open(connectClient(server, article.docId, { token: owner.token }))
    await watcher.synced
    const client = open(connectClient(server, article.docId, { token: viewer.token, ...HOLD_PARAM }))
    const heard = await heldClient(server, article.docId, client)

    await setRole(viewer, 'checker')
    await client.synced
    await waitFor(() => heard.length >= 1, 5000, 'the access message')
    expect(heard).toEqual([{ kind: 'access', canWrite: true, role: 'checker' }])
    client.doc.getText('probe').insert(0, 'typed as a checker')
    await waitFor(() => watcher.doc.getText('probe').toString() === 'typed as a checker', 5000, 'the checker’s edit')
  })

  run('a change that keeps write access: told the new role only', async () => {
    const editor = await member('same-write', 'editor')
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Same write', text: 'Start.' })
    const client = open(connectClient(server, article.docId, { token: editor.token, ...HOLD_PARAM }))
    const heard = await heldClient(server, article.docId, client)

    await setRole(editor, 'checker')
    await client.synced
    await waitFor(() => heard.length >= 1, 5000, 'the access message')
    await sleep(100)
    expect(heard).toEqual([{ kind: 'access', canWrite: true, role: 'checker' }])
  })

  run('removed from the workspace while being let in: closed with 4403, told why', async () => {
    const removed = await member('removed', 'editor')
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Removed', text: 'Start.' })
    const outcome = socketOutcome(`${server.wsUrl}/${article.docId}?token=${removed.token}&${HOLD_QUERY}`, {
      openMs: 3000,
    })
    await admissionHeld(server, article.docId)
    const res = await call(server, `/api/workspaces/${owner.workspaceId}/members/${removed.user.id}`, {
      method: 'DELETE',
      token: owner.token,
    })
    expect(res.status).toBe(204)
    expect(await outcome).toMatchObject({ code: 4403, reason: 'removed from workspace' })
  })

  run('its token revoked while being let in: closed with 4401', async () => {
    const revoked = await member('revoked', 'editor')
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Revoked', text: 'Start.' })
    const tokens = await call<{ id: string }[]>(server, '/api/tokens', { token: revoked.token })
    const outcome = socketOutcome(`${server.wsUrl}/${article.docId}?token=${revoked.token}&${HOLD_QUERY}`, {
      openMs: 3000,
    })
    await admissionHeld(server, article.docId)
    const res = await call(server, `/api/tokens/${tokens.body[0]!.id}`, {
      method: 'DELETE',
      cookie: revoked.cookie,
      sameOrigin: true,
    })
    expect(res.status).toBe(204)
    expect(await outcome).toMatchObject({ code: 4401 })
  })
})
