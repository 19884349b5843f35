import { getBodyText, markClaimAtText, readClaims, setVerdict } from '@fc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type Account, call, createArticle, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, eventually, sleep } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { ARTICLE, type CreatedWorkshop, cookieClient, createWorkshop, guestCookie, joinAs } from './helpers.js'

describe.each(backends())('workshops: joining with a code ($name)', (backend) => {
  let server: TestServer
  let trainer: Account
  let article: { id: string; docId: string }
  let workshop: CreatedWorkshop

  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    trainer = await signUp(server, 'trainer')
    article = await createArticle(server, trainer, trainer.workspaceId, { title: 'Operation Herof', text: ARTICLE })
    workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id)
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)
  const participants = async (id = workshop.id): Promise<Array<Record<string, any>>> =>
    (await call(server, `/api/workshops/${id}`, { token: trainer.token })).body.participants

  /** The article's body text as a member's stock client sees it. */
  async function articleText(): Promise<string> {
    const client = connectClient(server, article.docId, { token: trainer.token })
    await client.synced
    const text = getBodyText(client.doc)
    client.destroy()
    return text
  }

  run(
    'a good code gives a participant of their own, a guest cookie, and a copy holding the article’s text',
    async () => {
      const res = await call(server, '/api/workshops/join', {
        body: { code: workshop.joinCode, name: 'Ana' },
        sameOrigin: true,
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        participantId: expect.any(String),
        docId: expect.any(String),
        workshopId: workshop.id,
        name: 'Ana',
      })
      expect(res.body.docId).not.toBe(article.docId)
      const setCookie = res.headers.getSetCookie().find((line) => line.startsWith('fc_guest='))!
      expect(setCookie).toMatch(/HttpOnly/i)
      expect(setCookie).toMatch(/SameSite=Lax/i)
      expect(setCookie).toMatch(/Path=\//)
      // A guest session is not an account session.
      expect(res.headers.getSetCookie().some((line) => line.startsWith('fc_session='))).toBe(false)

      const copy = cookieClient(server, res.body.docId, guestCookie(res.headers)!)
      await copy.synced
      const text = getBodyText(copy.doc)
      expect(text).toContain('84 Pakistani security personnel were killed')
      expect(text).toBe(await articleText())
      copy.destroy()
      expect((await participants()).map((p) => p.name)).toEqual(['Ana'])
    },
  )

  run('a second participant gets a different document, and what one marks stays in their copy', async () => {
    const ana = await joinAs(server, workshop.joinCode, 'Ana B')
    const ben = await joinAs(server, workshop.joinCode, 'Ben')
    expect(ben.participantId).not.toBe(ana.participantId)
    expect(ben.docId).not.toBe(ana.docId)
    expect(ben.cookie).not.toBe(ana.cookie)

    const anaClient = cookieClient(server, ana.docId, ana.cookie)
    const benClient = cookieClient(server, ben.docId, ben.cookie)
    await Promise.all([anaClient.synced, benClient.synced])
    const text = getBodyText(anaClient.doc)
    const quote = 'taken 18 personnel captive'
    const claimId = markClaimAtText(anaClient.doc, text.indexOf(quote), text.indexOf(quote) + quote.length, {
      createdBy: ana.participantId,
    })
    setVerdict(anaClient.doc, claimId, 'unproven', 'Only the group says so.')

    const progressOf = async (id: string) => (await participants()).find((p) => p.participantId === id)
    await eventually(
      async () => (await progressOf(ana.participantId))?.claims === 1,
      5000,
      'the trainer to see Ana’s claim',
    )
    expect(await progressOf(ana.participantId)).toMatchObject({
      name: 'Ana B',
      docId: ana.docId,
      claims: 1,
      verdicts: 1,
    })
    expect(await progressOf(ben.participantId)).toMatchObject({ name: 'Ben', docId: ben.docId, claims: 0, verdicts: 0 })
    await sleep(200)
    expect(readClaims(benClient.doc)).toEqual([])
    anaClient.destroy()
    benClient.destroy()
  })

  run(
    'joining again with the same guest session returns the same participant and copy, and creates nothing',
    async () => {
      const first = await joinAs(server, workshop.joinCode, 'Cy')
      const before = (await participants()).length
      const again = await call(server, '/api/workshops/join', {
        body: { code: workshop.joinCode, name: 'Cy again' },
        cookie: first.cookie,
        sameOrigin: true,
      })
      expect(again.status).toBe(200)
      expect(again.body).toMatchObject({ participantId: first.participantId, docId: first.docId, name: 'Cy' })
      expect(guestCookie(again.headers)).toBeUndefined()
      expect((await participants()).length).toBe(before)

      // The same guest in another workshop is a new participant there, with a copy of its own.
      const other = await createWorkshop(server, trainer, trainer.workspaceId, article.id, 'Afternoon')
      const elsewhere = await joinAs(server, other.joinCode, 'Cy', first.cookie)
      expect(elsewhere.cookie).toBe(first.cookie)
      expect(elsewhere.participantId).not.toBe(first.participantId)
      expect(elsewhere.docId).not.toBe(first.docId)
      expect((await participants(other.id)).map((p) => p.participantId)).toEqual([elsewhere.participantId])
    },
  )

  run('codes are read regardless of case, spaces and dashes', async () => {
    const typed = `${workshop.joinCode.slice(0, 4).toLowerCase()}-${workshop.joinCode.slice(4).toLowerCase()} `
    const res = await call(server, '/api/workshops/join', { body: { code: typed, name: 'Dee' }, sameOrigin: true })
    expect(res.status).toBe(200)
  })

  run('bad codes (404) and bad bodies (400) are refused cleanly: no participant, no document, no cookie', async () => {
    const before = (await participants()).length
    const refused: Array<[unknown, number, RegExp]> = [
      [{ code: 'ZZZZZZZZ', name: 'Eve' }, 404, /not found/],
      [{ code: '!!!!', name: 'Eve' }, 404, /not found/],
      [{ code: workshop.joinCode.slice(0, 7), name: 'Eve' }, 404, /not found/],
      [{ code: '', name: 'Eve' }, 400, /^code: /],
      [{ code: 'A'.repeat(65), name: 'Eve' }, 400, /^code: /],
      [{ name: 'Eve' }, 400, /^code: /],
      [{ code: workshop.joinCode, name: '' }, 400, /^name: /],
      [{ code: workshop.joinCode, name: '    ' }, 400, /^name: /],
      [{ code: workshop.joinCode, name: 'E'.repeat(81) }, 400, /^name: /],
      [{ code: workshop.joinCode }, 400, /^name: /],
      [{ code: workshop.joinCode, name: 7 }, 400, /^name: /],
      ['{"code": ', 400, /malformed JSON/],
      ['"just a string"', 400, /./],
    ]
    for (const [body, status, message] of refused) {
      const res = await call(server, '/api/workshops/join', { body, sameOrigin: true })
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.body).toEqual({ error: expect.stringMatching(message) })
      expect(guestCookie(res.headers)).toBeUndefined()
    }
    expect((await participants()).length).toBe(before)
    // A cross-site page cannot make a browser join (CSRF guard as on every cookie write).
    const forged = await call(server, '/api/workshops/join', {
      body: { code: workshop.joinCode, name: 'Eve' },
      headers: { origin: 'https://evil.example' },
    })
    expect(forged.status).toBe(403)
    expect((await participants()).length).toBe(before)
  })

  run(
    'the copy is the article’s body as it was when the workshop was created, without the original’s claims',
    async () => {
      const original = connectClient(server, article.docId, { token: trainer.token })
      await original.synced
      const text = getBodyText(original.doc)
      const quote = '84 Pakistani security personnel were killed'
      const claimId = markClaimAtText(original.doc, text.indexOf(quote), text.indexOf(quote) + quote.length, {
        createdBy: trainer.user.id,
      })
      setVerdict(original.doc, claimId, 'false', 'The desk already checked this one.')
      await sleep(100)
      const fresh = await createWorkshop(server, trainer, trainer.workspaceId, article.id, 'Snapshot')
      // Edited after creation: participants still get the text as it was.
      const body = original.doc.getXmlFragment('body')
      const added = new Y.XmlElement('paragraph')
      added.insert(0, [new Y.XmlText('A paragraph added after the workshop was created.')])
      body.insert(body.length, [added])
      await sleep(100)

      const guest = await joinAs(server, fresh.joinCode, 'Fay')
      const copy = cookieClient(server, guest.docId, guest.cookie)
      await copy.synced
      expect(getBodyText(copy.doc)).toBe(text)
      expect(readClaims(copy.doc)).toEqual([])
      expect(copy.doc.getMap('claims').size).toBe(0)
      copy.destroy()
      original.destroy()
    },
  )

  run('workshops, participants and keys survive a restart on the same data', async () => {
    const own = await backend.start()
    try {
      const t = await signUp(own, 'trainer')
      const a = await createArticle(own, t, t.workspaceId, { title: 'Herof', text: ARTICLE })
      const w = await createWorkshop(own, t, t.workspaceId, a.id)
      const key = { claims: [{ quote: 'taken 18 personnel captive', verdict: 'unproven' }] }
      await call(own, `/api/workshops/${w.id}/key`, { method: 'PUT', body: key, token: t.token })
      const guest = await joinAs(own, w.joinCode, 'Gus')
      expect(await own.stop()).toBe(0)
      await own.restart()
      const again = await call(own, '/api/workshops/join', {
        body: { code: w.joinCode, name: 'Gus' },
        cookie: guest.cookie,
        sameOrigin: true,
      })
      expect(again.body).toMatchObject({ participantId: guest.participantId, docId: guest.docId })
      expect((await call(own, `/api/workshops/${w.id}/key`, { token: t.token })).body.claims).toHaveLength(1)
      const copy = cookieClient(own, guest.docId, guest.cookie)
      await copy.synced
      expect(getBodyText(copy.doc)).toContain('18 personnel captive')
      copy.destroy()
    } finally {
      await own.stop()
    }
  })
})
