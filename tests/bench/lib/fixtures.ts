import { readFileSync } from 'node:fs'
import * as Y from 'yjs'

/**
 * Realistic documents built in the generator: the seed article as Y.XmlFragment('body')
 * paragraphs (the shape Tiptap's Collaboration extension uses) and claims in
 * ydoc.getMap('claims').
 */
const seedPath = new URL('../../../shared/fixtures/seed-article.txt', import.meta.url)
const paragraphs = readFileSync(seedPath, 'utf8')
  .split('\n')
  .map((p) => p.trim())
  .filter((p) => p.length > 0)
const articleText = paragraphs.join('\n')

/** One copy of the article appended to 'body', in one transaction (one update on the wire). */
export function appendArticle(doc: Y.Doc): void {
  doc.transact(() => {
    const body = doc.getXmlFragment('body')
    body.insert(
      body.length,
      paragraphs.map((text) => {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText(text)])
        return p
      }),
    )
  })
}

/** Claims [from, to) in one transaction; offsets point into the article text. */
export function addClaims(doc: Y.Doc, from: number, to: number): void {
  doc.transact(() => {
    const claims = doc.getMap<Y.Map<unknown>>('claims')
    for (let i = from; i < to; i++) {
      const start = (i * 97) % (articleText.length - 200)
      const end = start + 60 + (i % 80)
      const claim = new Y.Map<unknown>()
      claims.set(`claim-${i}`, claim)
      claim.set('id', `claim-${i}`)
      claim.set('start', start)
      claim.set('end', end)
      claim.set('quote', articleText.slice(start, end))
      claim.set('prefix', articleText.slice(Math.max(0, start - 32), start))
      claim.set('suffix', articleText.slice(end, end + 32))
      claim.set('status', ['open', 'in-review', 'verified', 'false'][i % 4])
      claim.set('createdBy', `user-${i % 7}`)
      claim.set('createdAt', 1_760_000_000_000 + i * 1000)
      const evidence = new Y.Array<unknown>()
      const comments = new Y.Array<unknown>()
      claim.set('evidence', evidence)
      claim.set('comments', comments)
      if (i % 2 === 0)
        evidence.push([{ url: `https://example.org/source/${i}`, note: 'primary source', addedBy: `user-${i % 5}` }])
      if (i % 3 === 0)
        comments.push([
          { by: `user-${i % 3}`, text: 'Checked against the ministry statement.', at: 1_760_000_100_000 + i },
        ])
    }
  })
}

export function claimCount(doc: Y.Doc): number {
  return doc.getMap('claims').size
}

/** The seed article once, as a single update: what each document of the memory scenario holds. */
export function seedArticleUpdate(): Uint8Array {
  const doc = new Y.Doc()
  appendArticle(doc)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
