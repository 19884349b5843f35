import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createArticle, join, setRole, signUp } from '../support/accounts.js'
import { HOLD_ADMISSION_ENV, HOLD_PARAM, heldClient } from '../support/admission-hold.js'
import { connectClient, drained, waitFor } from '../support/clients.js'
import { freshDatabase, type FreshDatabase } from '../support/postgres.js'
import { TEST_REDIS_URL } from '../support/redis.js'
import { startServer, type TestServer } from '../support/server.js'
import { scaleOutMissing } from '../support/two-instances.js'

const missing = await scaleOutMissing('access change during admission test')

/**
 * The admission race across instances: the role change is made on one instance while the
 * other holds a socket between its gate and its room (support/admission-hold.ts); the change
 * reaches the held socket over Redis, as it reaches that instance's open sockets.
 */
describe.skipIf(missing.length > 0)('access change from another instance during admission (PostgreSQL + Redis)', () => {
  let db: FreshDatabase
  const servers: TestServer[] = []
  beforeAll(async () => {
    db = await freshDatabase()
    for (let i = 0; i < 2; i++)
      servers.push(
        await startServer({ databaseUrl: db.url, env: { REDIS_URL: TEST_REDIS_URL, ...HOLD_ADMISSION_ENV } }),
      )
  })
  afterAll(async () => {
    for (const server of servers) await server.stop()
    await db?.drop()
  })

  it('demoted on instance A while instance B lets the socket in: B’s socket is told and its edits are dropped', async () => {
    const [a, b] = servers as [TestServer, TestServer]
    const owner = await signUp(a, 'owner')
    const editor = await signUp(a, 'editor')
    await join(a, owner, owner.workspaceId, editor, 'editor')
    const article = await createArticle(a, owner, owner.workspaceId, { title: 'Across', text: 'Start.' })
    const watcher = connectClient(b, article.docId, { token: owner.token })
    const client = connectClient(b, article.docId, { token: editor.token, ...HOLD_PARAM })
    try {
      await watcher.synced
      const heard = await heldClient(b, article.docId, client)
      const res = await setRole(a, owner, editor, 'viewer')
      expect(res.status).toBe(200)
      await client.synced
      await waitFor(() => heard.length >= 2, 5000, 'the access message')
      expect(heard).toEqual([
        { kind: 'permission-denied', reason: expect.stringContaining('read-only') },
        { kind: 'access', canWrite: false, role: 'viewer' },
      ])
      client.doc.getText('probe').insert(0, 'typed as a viewer')
      await drained(client, watcher, 'demoted')
      expect(watcher.doc.getText('probe').toString()).toBe('')
    } finally {
      client.destroy()
      watcher.destroy()
    }
  })
})
