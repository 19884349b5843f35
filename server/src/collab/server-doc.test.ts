import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { serverDoc } from './server-doc.js'

describe('serverDoc', () => {
  it('holds no provider observers, and its promises are settled', async () => {
    const doc = serverDoc('article-1')
    // If a Yjs upgrade renames or adds these, the memory they cost per open document comes back.
    expect([...doc._observers.keys()]).toEqual([])
    await expect(doc.whenLoaded).resolves.toBe(doc)
    await expect(doc.whenSynced).resolves.toBeUndefined()
    expect(doc.guid).toBe('article-1')
    expect(doc.gc).toBe(true)
  })

  it('syncs like any document', () => {
    const client = new Y.Doc()
    client.getText('t').insert(0, 'eighty-four')
    const doc = serverDoc('article-2')
    const seen: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => seen.push(u))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client))
    expect(doc.getText('t').toString()).toBe('eighty-four')
    expect(seen).toHaveLength(1)
    const back = new Y.Doc()
    Y.applyUpdate(back, Y.encodeStateAsUpdate(doc))
    expect(back.getText('t').toString()).toBe('eighty-four')
  })
})
