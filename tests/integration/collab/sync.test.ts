import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends } from '../support/backends.js'
import { connectClient, waitFor } from '../support/clients.js'
import { writableDoc } from '../support/session.js'

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

describe.each(backends())('collaboration over stock y-websocket clients ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it.skipIf(backend.unavailable)(
    'two clients converge after concurrent edits, and a late joiner gets the full state',
    async () => {
      const server = await backend.start()
      try {
        const { docId, params } = await writableDoc(server)
        const a = connectClient(server, docId, params)
        const b = connectClient(server, docId, params)
        await Promise.all([a.synced, b.synced])

        const initialBlocks = a.doc.getXmlFragment('body').length // the article's imported text
        a.doc.getXmlFragment('body').insert(0, [paragraph('Shared line.')])
        await waitFor(() => b.doc.getXmlFragment('body').length === initialBlocks + 1, 5000, 'b to see the paragraph')

        // Both type into the same paragraph in the same instant, many times, without waiting for each other.
        const textOf = (doc: Y.Doc) => (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText
        for (let i = 0; i < 50; i++) {
          textOf(a.doc).insert(0, `a${i} `)
          textOf(b.doc).insert(textOf(b.doc).length, ` b${i}`)
          b.doc.getXmlFragment('body').insert(b.doc.getXmlFragment('body').length, [paragraph(`b-para-${i}`)])
        }
        await waitFor(
          () => a.doc.getXmlFragment('body').toString() === b.doc.getXmlFragment('body').toString(),
          10_000,
          'convergence',
        )
        const body = a.doc.getXmlFragment('body')
        expect(body.length).toBe(initialBlocks + 51)
        const merged = textOf(a.doc).toString()
        for (let i = 0; i < 50; i++) {
          expect(merged).toContain(`a${i} `)
          expect(merged).toContain(` b${i}`)
        }

        const late = connectClient(server, docId, params)
        await late.synced
        expect(late.doc.getXmlFragment('body').toString()).toBe(body.toString())
        for (const c of [a, b, late]) c.destroy()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)(
    "awareness (each person's name) reaches the other client and leaves with them",
    async () => {
      const server = await backend.start()
      try {
        const { docId, params } = await writableDoc(server)
        const a = connectClient(server, docId, params)
        const b = connectClient(server, docId, params)
        await Promise.all([a.synced, b.synced])
        a.provider.awareness.setLocalStateField('user', { name: 'Amina Shah', color: '#c2410c' })
        const nameSeenByB = () =>
          Array.from(b.provider.awareness.getStates().values()).some(
            (s) => (s as { user?: { name?: string } }).user?.name === 'Amina Shah',
          )
        await waitFor(nameSeenByB, 5000, 'b to see a’s name')
        a.destroy()
        await waitFor(() => !nameSeenByB(), 5000, 'a’s presence to disappear when a leaves')
        b.destroy()
      } finally {
        await server.stop()
      }
    },
  )

  it.skipIf(backend.unavailable)('after a clean restart (SIGTERM) the document is intact', async () => {
    const server = await backend.start()
    try {
      const { docId, params } = await writableDoc(server)
      const a = connectClient(server, docId, params)
      const observer = connectClient(server, docId, params)
      await Promise.all([a.synced, observer.synced])
      const body = a.doc.getXmlFragment('body')
      for (let i = 0; i < 100; i++) body.insert(body.length, [paragraph(`Line ${i}`)])
      a.doc.getMap('claims').set('c1', 'kept')
      const expected = body.toString()
      // Once another client has it, the server has it: that is what a clean stop must keep.
      await waitFor(() => observer.doc.getMap('claims').get('c1') === 'kept', 5000, 'the server to relay the edits')
      expect(await server.stop()).toBe(0)
      a.destroy()
      observer.destroy()

      await server.restart()
      const fresh = connectClient(server, docId, params)
      await fresh.synced
      expect(fresh.doc.getXmlFragment('body').toString()).toBe(expected)
      expect(fresh.doc.getMap('claims').get('c1')).toBe('kept')
      fresh.destroy()
    } finally {
      await server.stop()
    }
  })
})
