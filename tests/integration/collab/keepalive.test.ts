import { describe, expect, it } from 'vitest';
import { connectClient, sleep } from '../support/clients.js';
import { startServer } from '../support/server.js';
import { writableDoc } from '../support/session.js';

describe('a lone client stays connected', () => {
  // The stock WebsocketProvider closes a socket that received nothing for 30 s. A lone editor
  // must hear its own updates and presence echoed, or it would reconnect every 30 s.
  it('an editor alone in a document is never dropped by the stock client’s 30 s silence timeout', async () => {
    const server = await startServer();
    try {
      const { docId, params } = await writableDoc(server);
      const editor = connectClient(server, docId, params);
      await editor.synced;
      editor.provider.awareness.setLocalStateField('user', { name: 'Solo' });
      let closes = 0;
      editor.provider.on('connection-close', () => closes++);
      for (let i = 0; i < 17; i++) {
        editor.doc.getText('t').insert(0, `${i} `);
        await sleep(2000);
      }
      expect(closes).toBe(0);
      expect(editor.provider.wsconnected).toBe(true);
      editor.destroy();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
