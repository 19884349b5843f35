import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createArticle, signUp } from '../support/accounts.js'
import { openLiveEvents } from '../support/live-events.js'
import { startServer, type TestServer } from '../support/server.js'
import { createWorkshop, joinAs } from '../workshops/helpers.js'

describe('GET /api/events', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.stop())

  it('refuses a caller who is neither signed in nor a workshop guest (401), and a revoked token', async () => {
    expect((await openLiveEvents(server, {})).status).toBe(401)
    expect((await openLiveEvents(server, { token: 'fc_not-a-token' })).status).toBe(401)
    expect((await call(server, '/api/events', { cookie: 'fc_guest=fcg_forged' })).status).toBe(401)
  })

  it('opens for a session cookie, an API token and a workshop guest, as text/event-stream', async () => {
    const alice = await signUp(server, 'alice')
    const byCookie = await openLiveEvents(server, { cookie: alice.cookie })
    const byToken = await openLiveEvents(server, { token: alice.token })
    const article = await createArticle(server, alice, alice.workspaceId, {
      title: 'Events',
      text: 'Some text for the workshop.',
    })
    const workshop = await createWorkshop(server, alice, alice.workspaceId, article.id)
    const guest = await joinAs(server, workshop.joinCode, 'Guest one')
    const byGuest = await openLiveEvents(server, { cookie: guest.cookie })
    for (const stream of [byCookie, byToken, byGuest]) {
      expect(stream.status).toBe(200)
      stream.close()
    }
    const head = await fetch(`${server.httpUrl}/api/events`, { headers: { cookie: alice.cookie } })
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(head.headers.get('cache-control')).toMatch(/no-cache/)
    await head.body?.cancel()
  })
})
