import { describe, expect, it } from 'vitest'
import { connectClient, sleep } from '../support/clients.js'
import { openRawSocket } from '../support/raw-socket.js'
import { startServer } from '../support/server.js'
import { writableDoc } from '../support/session.js'

describe('a lone client stays connected', () => {
  // The stock WebsocketProvider closes a socket that received nothing for 30 s. A lone editor
  // must hear its own updates and presence echoed, or it would reconnect every 30 s.
  it('an editor alone in a document is never dropped by the stock client’s 30 s silence timeout', async () => {
    const server = await startServer()
    try {
      const { docId, params } = await writableDoc(server)
      const editor = connectClient(server, docId, params)
      await editor.synced
      editor.provider.awareness.setLocalStateField('user', { name: 'Solo' })
      let closes = 0
      editor.provider.on('connection-close', () => closes++)
      for (let i = 0; i < 17; i++) {
        editor.doc.getText('t').insert(0, `${i} `)
        await sleep(2000)
      }
      expect(closes).toBe(0)
      expect(editor.provider.wsconnected).toBe(true)
      editor.destroy()
    } finally {
      await server.stop()
    }
  }, 60_000)

  // The server pings every HEARTBEAT_MS: a peer gone without a goodbye (lid closed, network
  // dropped) must be let go so its presence disappears; a live one must never be.
  it('a peer that stops answering pings is dropped; a client that answers stays', async () => {
    const server = await startServer({ env: { HEARTBEAT_MS: '300' } })
    try {
      const { docId, params } = await writableDoc(server)
      const live = connectClient(server, docId, params)
      await live.synced
      let closes = 0
      live.provider.on('connection-close', () => closes++)
      const silent = await openRawSocket(`${server.wsUrl}/${docId}?token=${params.token}`, { autoPong: false })
      const closed = await Promise.race([silent.closed, sleep(5000).then(() => null)])
      // Terminated, not closed politely: no close frame reaches a peer that is presumed gone.
      expect(closed?.code).toBe(1006)
      await sleep(1000)
      expect(closes).toBe(0)
      expect(live.provider.wsconnected).toBe(true)
      live.doc.getText('t').insert(0, 'still here')
      live.destroy()
    } finally {
      await server.stop()
    }
  }, 30_000)
})
