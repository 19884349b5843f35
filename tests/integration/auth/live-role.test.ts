import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { recordAuthMessages } from '../support/access-messages.js'
import { backends } from '../support/backends.js'
import { connectClient, drained, sleep, waitFor } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { type Account, createArticle, join, setRole as changeRole, signUp } from '../support/accounts.js'

/**
 * A role change while a member has a document open (docs/api.md, "Access changes"):
 * the member's stock y-websocket client is told, on the socket it already has.
 */
describe.each(backends())('role changes reach open sockets ($name)', (backend) => {
  let server: TestServer
  let owner: Account
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    owner = await signUp(server, 'owner')
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  const setRole = async (member: Account, role: string) => {
    const res = await changeRole(server, owner, member, role)
    expect(res).toMatchObject({ status: 200, body: { userId: member.user.id, role } })
  }

  run(
    'demoted: told at once, its edits from then on are not applied; promoted: told, and edits go through on the same socket',
    async () => {
      const member = await signUp(server, 'member')
      await join(server, owner, owner.workspaceId, member, 'editor')
      const article = await createArticle(server, owner, owner.workspaceId, { title: 'Live role', text: 'Start.' })
      const watcher = connectClient(server, article.docId, { token: owner.token })
      const client = connectClient(server, article.docId, { token: member.token })
      const heard = recordAuthMessages(client.provider)
      let connects = 0
      client.provider.on('status', ({ status }) => status === 'connected' && connects++)
      await Promise.all([watcher.synced, client.synced])
      const probe = client.doc.getText('probe')
      const seen = () => watcher.doc.getText('probe').toString()

      probe.insert(0, 'editor:')
      await waitFor(() => seen() === 'editor:', 5000, 'the editor’s edit')
      expect(heard).toEqual([])

      await setRole(member, 'viewer')
      await waitFor(() => heard.length >= 2, 5000, 'the access message')
      expect(heard).toEqual([
        { kind: 'permission-denied', reason: expect.stringContaining('read-only') },
        { kind: 'access', canWrite: false, role: 'viewer' },
      ])

      // A bot that ignores the message keeps typing: none of it is applied.
      probe.insert(probe.length, 'viewer:')
      client.doc.getMap('claims').set('forged', 'by a viewer')
      await drained(client, watcher, 'after-demotion')
      expect(seen()).toBe('editor:')
      expect(watcher.doc.getMap('claims').size).toBe(0)

      await setRole(member, 'checker')
      await waitFor(() => heard.length >= 3, 5000, 'the second access message')
      expect(heard[2]).toEqual({ kind: 'access', canWrite: true, role: 'checker' })

      // Without reconnecting, its next edit goes through; the server's sync step 1 on promotion
      // brought in what it typed while read-only, which that edit builds on.
      probe.insert(probe.length, 'checker.')
      await waitFor(() => seen() === 'editor:viewer:checker.', 5000, 'edits after promotion')
      expect(watcher.doc.getMap('claims').get('forged')).toBe('by a viewer')
      expect(connects).toBe(1)
      expect(client.provider.wsconnected).toBe(true)

      // And it was stored, not only relayed.
      client.destroy()
      watcher.destroy()
      await sleep(100)
      const fresh = connectClient(server, article.docId, { token: owner.token })
      await fresh.synced
      expect(fresh.doc.getText('probe').toString()).toBe('editor:viewer:checker.')
      fresh.destroy()
    },
  )

  run('a change that keeps write access tells the new role only; other members hear nothing', async () => {
    const member = await signUp(server, 'member-2')
    const bystander = await signUp(server, 'bystander')
    await join(server, owner, owner.workspaceId, member, 'editor')
    await join(server, owner, owner.workspaceId, bystander, 'editor')
    const article = await createArticle(server, owner, owner.workspaceId, { title: 'Same write', text: 'Start.' })
    const client = connectClient(server, article.docId, { token: member.token })
    const other = connectClient(server, article.docId, { token: bystander.token })
    const heard = recordAuthMessages(client.provider)
    const otherHeard = recordAuthMessages(other.provider)
    await Promise.all([client.synced, other.synced])

    await setRole(member, 'checker')
    await waitFor(() => heard.length >= 1, 5000, 'the access message')
    await sleep(100)
    expect(heard).toEqual([{ kind: 'access', canWrite: true, role: 'checker' }])
    expect(otherHeard).toEqual([])
    client.destroy()
    other.destroy()
  })

  run(
    'a stock client that knows nothing of access messages keeps working: it logs the denial and stays in sync',
    async () => {
      const member = await signUp(server, 'stock-bot')
      await join(server, owner, owner.workspaceId, member, 'editor')
      const article = await createArticle(server, owner, owner.workspaceId, { title: 'Stock bot', text: 'Start.' })
      const watcher = connectClient(server, article.docId, { token: owner.token })
      const bot = connectClient(server, article.docId, { token: member.token })
      await Promise.all([watcher.synced, bot.synced])
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      try {
        await setRole(member, 'viewer')
        await waitFor(
          () => warn.mock.calls.some((args) => String(args[0]).includes('Permission denied')),
          5000,
          'the stock warning',
        )
        expect(String(warn.mock.calls.find((args) => String(args[0]).includes('Permission denied'))![0])).toContain(
          'read-only',
        )
        await setRole(member, 'editor')
        watcher.doc.getText('t').insert(0, 'still in sync')
        await waitFor(() => bot.doc.getText('t').toString() === 'still in sync', 5000, 'the bot to keep syncing')
        bot.doc.getText('t').insert(0, 'bot: ')
        await waitFor(
          () => watcher.doc.getText('t').toString() === 'bot: still in sync',
          5000,
          'the bot’s edit after promotion',
        )
        expect(bot.provider.wsconnected).toBe(true)
        // The stock provider reports a message type it has no handler for as an error: none here.
        expect(errors).not.toHaveBeenCalled()
      } finally {
        warn.mockRestore()
        errors.mockRestore()
        bot.destroy()
        watcher.destroy()
      }
    },
  )
})
