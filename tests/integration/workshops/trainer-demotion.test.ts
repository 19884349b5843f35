import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAuthMessages } from '../support/access-messages.js'
import { type Account, createArticle, join, setRole as changeRole, signUp, socketOutcome } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { type TestClient, connectClient, sleep, waitFor } from '../support/clients.js'
import { openRawSocket } from '../support/raw-socket.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, type Guest, createWorkshop, joinAs } from './helpers.js'

/**
 * A trainer's sockets on participants' copies follow a role change as the gate would decide
 * on reconnect (docs/api.md, "Sockets on workshop copies"): an editor who trains by role
 * alone and is demoted below editor is no trainer any more, so those sockets close (4403);
 * the workshop's creator trains it whatever their role and keeps the sockets, with the
 * write permission of the new role.
 */
describe.each(backends())('workshops: a trainer demoted while on a participant’s copy ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  let article: { id: string; docId: string }
  const clients: TestClient[] = []
  const open = (client: TestClient) => {
    clients.push(client)
    return client
  }
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    owner = await signUp(server, 'owner')
    article = await createArticle(server, owner, owner.workspaceId, { title: 'Operation Herof', text: ARTICLE })
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const setRole = async (who: Account, role: string) => {
    const res = await changeRole(server, owner, who, role)
    expect(res.status).toBe(200)
  }
  const editorWithCopy = async (
    label: string,
  ): Promise<{ editor: Account; workshop: CreatedWorkshop; guest: Guest }> => {
    const editor = await signUp(server, label)
    await join(server, owner, owner.workspaceId, editor, 'editor')
    const workshop = await createWorkshop(server, owner, owner.workspaceId, article.id, `${label}'s workshop`)
    return { editor, workshop, guest: await joinAs(server, workshop.joinCode, 'Ana') }
  }

  for (const role of ['checker', 'viewer']) {
    run(
      `an editor who did not create the workshop, made ${role}: their socket on the copy closes with 4403, their article socket stays and is told`,
      async () => {
        const { editor, guest } = await editorWithCopy(`editor-to-${role}`)
        const onCopy = await openRawSocket(`${server.wsUrl}/${guest.docId}?token=${editor.token}`)
        const onArticle = open(connectClient(server, article.docId, { token: editor.token }))
        const heard = recordAuthMessages(onArticle.provider)
        await onArticle.synced

        await setRole(editor, role)
        const stillOpen = sleep(5000).then(() => 'still open after 5 s')
        expect(await Promise.race([onCopy.closed, stillOpen])).toEqual({
          code: 4403,
          reason: 'no longer a trainer of this workshop',
        })
        await waitFor(() => heard.some((m) => m.kind === 'access'), 5000, 'the article socket’s access message')
        expect(heard.find((m) => m.kind === 'access')).toEqual({ kind: 'access', canWrite: role === 'checker', role })
        expect(onArticle.provider.wsconnected).toBe(true)
        // The same as opening it again now.
        expect((await socketOutcome(`${server.wsUrl}/${guest.docId}?token=${editor.token}`)).code).toBe(4403)
      },
    )
  }

  run(
    'the workshop’s creator made checker: their socket on the copy stays open and writable, and is told the role',
    async () => {
      const creator = await signUp(server, 'creator')
      await join(server, owner, owner.workspaceId, creator, 'editor')
      const workshop = await createWorkshop(server, creator, owner.workspaceId, article.id, 'Creator’s workshop')
      const guest = await joinAs(server, workshop.joinCode, 'Ben')
      const onCopy = open(connectClient(server, guest.docId, { token: creator.token }))
      const watcher = open(connectClient(server, guest.docId, { token: owner.token }))
      const heard = recordAuthMessages(onCopy.provider)
      await Promise.all([onCopy.synced, watcher.synced])

      await setRole(creator, 'checker')
      await waitFor(() => heard.length >= 1, 5000, 'the access message')
      expect(heard).toEqual([{ kind: 'access', canWrite: true, role: 'checker' }])
      onCopy.doc.getText('trainer-note').insert(0, 'Still mine.')
      await waitFor(() => watcher.doc.getText('trainer-note').toString() === 'Still mine.', 5000, 'the creator’s note')
      expect(onCopy.provider.wsconnected).toBe(true)
    },
  )
})
