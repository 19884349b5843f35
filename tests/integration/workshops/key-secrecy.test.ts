import { getBodyText, markClaimAtText, readClaims, setVerdict } from '@fc/shared'
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import WS from 'ws'
import { call, createArticle, signUp } from '../support/accounts.js'
import { backends } from '../support/backends.js'
import { connectClient, sleep, waitFor } from '../support/clients.js'
import { ARTICLE, cookieClient, createWorkshop, everythingIn, joinAs } from './helpers.js'

/** Every frame a participant's socket receives while `during` runs, as one string. */
async function framesDuring(
  wsUrl: string,
  docId: string,
  headers: Record<string, string>,
  during: () => Promise<void>,
): Promise<string> {
  const ws = new WS(`${wsUrl}/${docId}`, { headers })
  const frames: Buffer[] = []
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  await during()
  await sleep(300)
  ws.close()
  return Buffer.concat(frames).toString('latin1')
}

describe.each(backends())('workshops: the answer key never reaches a participant ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'neither the key nor the original article’s verdicts are in any document, frame or answer a participant gets',
    async () => {
      const server = await backend.start()
      try {
        const keySecret = `KEY-ONLY rationale ${randomUUID()}`
        const deskSecret = `desk-only rationale ${randomUUID()}`
        const trainer = await signUp(server, 'trainer')
        const article = await createArticle(server, trainer, trainer.workspaceId, {
          title: 'Operation Herof',
          text: ARTICLE,
        })

        // The desk has already fact-checked the article itself: that verdict is an answer too.
        const desk = connectClient(server, article.docId, { token: trainer.token })
        await desk.synced
        const text = getBodyText(desk.doc)
        const quote = '84 Pakistani security personnel were killed'
        const deskClaim = markClaimAtText(desk.doc, text.indexOf(quote), text.indexOf(quote) + quote.length, {
          createdBy: trainer.user.id,
        })
        setVerdict(desk.doc, deskClaim, 'false', deskSecret)
        await sleep(100)

        const workshop = await createWorkshop(server, trainer, trainer.workspaceId, article.id)
        const ana = await joinAs(server, workshop.joinCode, 'Ana')
        const browser = { cookie: ana.cookie, origin: server.httpUrl }

        // The socket stays open while the trainer sets the key, changes it and reveals.
        const heard = await framesDuring(server.wsUrl, ana.docId, browser, async () => {
          const key = { claims: [{ quote, verdict: 'false', rationale: keySecret }] }
          expect(
            (
              await call(server, `/api/workshops/${workshop.id}/key`, {
                method: 'PUT',
                body: key,
                token: trainer.token,
              })
            ).status,
          ).toBe(204)
          expect(
            (
              await call(server, `/api/workshops/${workshop.id}/key`, {
                method: 'PUT',
                body: key,
                token: trainer.token,
              })
            ).status,
          ).toBe(204)
          expect(
            (await call(server, `/api/workshops/${workshop.id}/reveal`, { method: 'POST', token: trainer.token }))
              .status,
          ).toBe(204)
        })
        expect(heard.length).toBeGreaterThan(0)
        expect(heard).not.toContain(keySecret)
        expect(heard).not.toContain(deskSecret)

        // The copy as a stock client syncs it: the body, no claims at all.
        const copy = cookieClient(server, ana.docId, ana.cookie)
        await copy.synced
        expect(getBodyText(copy.doc)).toBe(text)
        expect(readClaims(copy.doc)).toEqual([])
        const synced = everythingIn(copy.doc)
        expect(synced).toContain('84 Pakistani security personnel')
        expect(synced).not.toContain(keySecret)
        expect(synced).not.toContain(deskSecret)
        copy.destroy()

        // Nor any HTTP answer a participant can get, but one: after the reveal, their results carry
        // the key for the debrief (docs/api.md, "GET /api/workshops/:id/results"; before it, 403).
        for (const path of [`/api/workshops/${workshop.id}`, `/api/workshops/${workshop.id}/key`]) {
          const res = await call(server, path, { cookie: ana.cookie })
          expect(JSON.stringify(res.body), path).not.toContain(keySecret)
          expect(JSON.stringify(res.body), path).not.toContain('rationale')
        }
        const debrief = await call(server, `/api/workshops/${workshop.id}/results`, { cookie: ana.cookie })
        expect(debrief.body.key).toEqual([{ quote, verdict: 'false', rationale: keySecret }])
        const again = await call(server, '/api/workshops/join', {
          body: { code: workshop.joinCode, name: 'Ana' },
          cookie: ana.cookie,
          sameOrigin: true,
        })
        expect(JSON.stringify(again.body)).not.toContain(keySecret)

        // The control: the secrets exist, and the trainer reads them where they belong.
        expect(
          JSON.stringify((await call(server, `/api/workshops/${workshop.id}/key`, { token: trainer.token })).body),
        ).toContain(keySecret)
        await waitFor(() => readClaims(desk.doc)[0]?.rationale === deskSecret, 1000, 'the desk doc to keep its verdict')
        desk.destroy()
      } finally {
        await server.stop()
      }
    },
  )
})
