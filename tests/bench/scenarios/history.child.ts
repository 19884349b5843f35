/**
 * The cost of history on a large article, in its own process pinned to the server core,
 * against a temp embedded database, through the server's own modules: making a version of the
 * seed × copies document with its claims (encode, hash, deflate, insert), and the changes view
 * between two such versions (read both back, text and claims, word diff, claim diff), cold and
 * again with what the first view kept (domain/history/version-content.ts). Also the
 * bytes a version costs (the figures of docs/architecture.md, "History") and what the other
 * design, Yjs snapshots over documents with gc off, would cost. Prints one line `RESULT {json}`.
 */
import { addClaim, addComment, addEvidence, getBodyText, setVerdict } from '@fc/shared'
import * as Y from 'yjs'
import { appendArticle } from '../lib/fixtures.js'
import { median } from '../lib/stats.js'

const [copiesArg, claimsArg, repsArg, dataDirArg] = process.argv.slice(2)
const copies = Number(copiesArg)
const claimCount = Number(claimsArg)
const reps = Number(repsArg)

// Paths held in variables: the harness type-checks without depending on server internals.
const serverModule = (rel: string): Promise<Record<string, unknown>> => import(`@fc/server/src/${rel}`)
const { openDb } = (await serverModule('storage/open.js')) as {
  openDb(c: {
    databaseUrl: undefined
    dataDir: string
    sqliteSynchronous: string
  }): Promise<Queryable & { close(): Promise<void> }>
}
const { setLogSilent } = (await serverModule('log.js')) as { setLogSilent(silent: boolean): void }
const store = (await serverModule('domain/history/version-store.js')) as {
  saveVersion(q: Queryable, v: { articleId: string; kind: string; state: Uint8Array }): Promise<{ id: string }>
  versionState(q: Queryable, articleId: string, versionId: string): Promise<Uint8Array | null>
}
interface Side {
  hash: string
}
const content = (await serverModule('domain/history/version-content.js')) as {
  versionContent(q: Queryable, articleId: string, versionId: string): Promise<Side | null>
  compare(a: Side, b: Side): { text: unknown[]; claims: readonly unknown[] }
  forgetVersionContents(): void
}
interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

setLogSilent(true)
const db = await openDb({ databaseUrl: undefined, dataDir: dataDirArg as string, sqliteSynchronous: 'NORMAL' })
const articleId = 'bench-article'
await db.query(
  "INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u', 'u@example.test', 'u', 'x', 0)",
)
await db.query("INSERT INTO workspaces (id, name, created_by, created_at) VALUES ('w', 'w', 'u', 0)")
await db.query(
  "INSERT INTO articles (id, workspace_id, doc_id, title, source_url, origin, created_by, created_at) VALUES ($1, 'w', 'd', 't', NULL, 'text', 'u', 0)",
  [articleId],
)

/** The article `copies` times with `claims` claims, each with evidence, some with a verdict and a comment. */
function build(gc: boolean, copiesN: number, claimsN: number): Y.Doc {
  const doc = new Y.Doc({ gc })
  for (let i = 0; i < copiesN; i++) appendArticle(doc)
  const text = getBodyText(doc)
  for (let i = 0; i < claimsN; i++) {
    const start = (i * 997) % Math.max(1, text.length - 200)
    const id = addClaim(doc, {
      quote: text.slice(start, start + 60 + (i % 80)),
      createdBy: `user-${i % 7}`,
      id: `claim-${i}`,
    })
    addEvidence(doc, id, {
      url: `https://example.org/source/${i}`,
      title: `Source ${i}`,
      quote: 'The ministry said so.',
      stance: 'context',
      addedBy: `user-${i % 5}`,
    })
    if (i % 3 === 0) addComment(doc, id, { author: `user-${i % 3}`, text: 'Checked against the ministry statement.' })
    if (i % 2 === 0) setVerdict(doc, id, 'mostly-true', 'Two sources agree.')
  }
  return doc
}

/** An afternoon of editing: words replaced all through the text, verdicts changed, claims added and removed. */
function edit(doc: Y.Doc, rounds: number): void {
  const paragraphs = doc.getXmlFragment('body').toArray() as Y.XmlElement[]
  for (let i = 0; i < rounds; i++) {
    const t = paragraphs[(i * 31) % paragraphs.length]!.get(0) as Y.XmlText
    const at = (i * 17) % Math.max(1, t.length - 12)
    t.delete(at, Math.min(10, t.length - at))
    t.insert(at, `edited ${i} `)
  }
  const claims = doc.getMap('claims')
  for (let i = 0; i < claims.size / 10; i++) setVerdict(doc, `claim-${i * 10}`, 'false', 'A third source disagrees.')
  for (let i = 0; i < 20; i++) claims.delete(`claim-${i * 7 + 1}`)
}

async function versionBytes(state: Uint8Array): Promise<{ raw: number; stored: number }> {
  const v = await store.saveVersion(db, { articleId, kind: 'auto', state })
  const rows = await db.query<{ raw_bytes: number; stored: number }>(
    'SELECT s.raw_bytes, LENGTH(s.data) AS stored FROM article_versions v JOIN version_states s ON s.hash = v.state_hash WHERE v.id = $1',
    [v.id],
  )
  return { raw: Number(rows[0]!.raw_bytes), stored: Number(rows[0]!.stored) }
}

const doc = build(true, copies, claimCount)
const makeMs: number[] = []
let first = ''
for (let r = 0; r < reps; r++) {
  // A change between repetitions, or each would only hit the deduplicated blob.
  doc.getMap('claims').get('claim-0') && setVerdict(doc, 'claim-0', r % 2 ? 'true' : 'false', `round ${r}`)
  const t0 = performance.now()
  const v = await store.saveVersion(db, { articleId, kind: 'auto', state: Y.encodeStateAsUpdate(doc) })
  makeMs.push(performance.now() - t0)
  if (r === 0) first = v.id
}
edit(doc, 500)
const second = (await store.saveVersion(db, { articleId, kind: 'auto', state: Y.encodeStateAsUpdate(doc) })).id
// Cold: nothing kept from an earlier view (each repetition forgets). Warm: the same two again.
const changesMs: number[] = []
const warmMs: number[] = []
let textOps = 0
let claimChanges = 0
for (let r = 0; r < reps; r++) {
  content.forgetVersionContents()
  for (const times of [changesMs, warmMs]) {
    const t0 = performance.now()
    const a = (await content.versionContent(db, articleId, first))!
    const b = (await content.versionContent(db, articleId, second))!
    const result = content.compare(a, b)
    times.push(performance.now() - t0)
    textOps = result.text.length
    claimChanges = result.claims.length
  }
}
const large = await versionBytes(Y.encodeStateAsUpdate(doc))
const seed = build(true, 1, 20)
const small = await versionBytes(Y.encodeStateAsUpdate(seed))

// The alternative: a Yjs snapshot is only a state vector and a delete set, but it can be read
// back only from a document that kept every deleted item (gc off), in every open room.
const keep = build(false, copies, claimCount)
const gcOn = build(true, copies, claimCount)
edit(keep, 500)
edit(gcOn, 500)
const snapshotBytes = Y.encodeSnapshot(Y.snapshot(keep)).byteLength
const gcOffDocBytes = Y.encodeStateAsUpdate(keep).byteLength
const gcOnDocBytes = Y.encodeStateAsUpdate(gcOn).byteLength

console.log(
  `RESULT ${JSON.stringify({
    makeP50Ms: median(makeMs),
    makeMaxMs: Math.max(...makeMs),
    changesP50Ms: median(changesMs),
    changesMaxMs: Math.max(...changesMs),
    changesWarmP50Ms: median(warmMs),
    textOps,
    claimChanges,
    largeRawBytes: large.raw,
    largeStoredBytes: large.stored,
    seedRawBytes: small.raw,
    seedStoredBytes: small.stored,
    snapshotBytes,
    gcOffDocBytes,
    gcOnDocBytes,
  })}`,
)
await db.close()
