import { bodyFragment, readClaims } from '@fc/shared'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArticle, signUp } from '../integration/support/accounts.js'
import { connectClient, sleep, waitFor, type TestClient } from '../integration/support/clients.js'
import { backends } from '../integration/support/backends.js'
import { storedDocument } from '../integration/support/stored-docs.js'
import { Prng, seedFromEnv } from './support/prng.js'
import { sizes } from './support/sizes.js'
import { randomEdit } from './soak/edits.js'
import { Ledger, holds } from './soak/ledger.js'

const { soakClients, soakDocs, soakSeconds, soakStores } = sizes
// Each stock WebsocketProvider in Node adds a process 'exit' listener; 50 of them are expected here.
process.setMaxListeners(soakClients * 2 + 20)
const seed = seedFromEnv()
const rng = new Prng(seed)
console.log(
  `[soak] seed ${seed} (replay with FUZZ_SEED=${seed}); ${soakClients} clients, ${soakDocs} documents, ${soakSeconds} s, on ${soakStores.join(' and ')}`,
)

const SEED_TEXT = [
  'The minister said 40% of the roads were repaired in 2025.',
  'According to officials, the largest bridge cost 12 million euros.',
  'Critics say fewer than half of the promised schools were built.',
].join('\n')

/** Per client and 100 ms tick: about 2 edits a second, a disconnect every ~50 s, leaving for good every ~200 s. */
const TICK_MS = 100
const EDIT_CHANCE = 0.2
const DISCONNECT_CHANCE = 0.002
const LEAVE_CHANCE = 0.0005

interface Actor {
  name: string
  docIndex: number
  client: TestClient
  /** Set while its socket is closed on purpose: when it connects again. */
  offlineUntil?: number
}

/** Why two copies of a document differ, or undefined when they are identical (state, deletions, body, claims). */
function difference(a: Y.Doc, b: Y.Doc): string | undefined {
  if (!Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))) return 'different structs or deletions'
  if (bodyFragment(a).toString() !== bodyFragment(b).toString()) return 'different body'
  if (JSON.stringify(readClaims(a)) !== JSON.stringify(readClaims(b))) return 'different claims'
  return undefined
}

describe.each(backends().filter((b) => soakStores.includes(b.name)))(
  'soak: stock clients editing through disconnects and a SIGKILL ($name)',
  (backend) => {
    afterAll(() => backend.cleanup())

    it.skipIf(backend.unavailable)(
      `${soakClients} clients over ${soakDocs} documents for ${soakSeconds} s: every copy identical, nothing acknowledged lost`,
      async () => {
        // All clients share one token: the per-user socket cap must not count them.
        const cap = String(soakClients * 4)
        const server = await backend.start({ env: { LOG_LEVEL: 'silent', SOCKETS_PER_USER: cap } })
        const ledger = new Ledger()
        const counts = { disconnects: 0, leaves: 0 }
        const actors: Actor[] = []
        try {
          const owner = await signUp(server, 'soak')
          const docs = await Promise.all(
            Array.from({ length: soakDocs }, (_, i) =>
              createArticle(server, owner, owner.workspaceId, { title: `Soak ${i}`, text: SEED_TEXT }),
            ),
          )
          const params = { token: owner.token }
          let joined = 0
          const newActor = (docIndex: number): Actor => ({
            name: `bot-${joined++}`,
            docIndex,
            client: connectClient(server, docs[docIndex]!.docId, params),
          })
          for (let i = 0; i < soakClients; i++) actors.push(newActor(i % soakDocs))
          await Promise.all(actors.map((a) => a.client.synced))
          const copiesOf = (docIndex: number) => actors.filter((a) => a.docIndex === docIndex).map((a) => a.client.doc)

          const started = Date.now()
          const deadline = started + soakSeconds * 1000
          let killedAt = 0
          let outage: Promise<void> | undefined
          while (Date.now() < deadline) {
            const now = Date.now()
            if (!outage && now >= started + (soakSeconds * 1000) / 2) {
              // The clients keep editing while the server is down; they resend on reconnect.
              killedAt = now - started
              outage = (async () => {
                await server.kill()
                await sleep(1000)
                await server.restart()
              })()
            }
            for (let i = 0; i < actors.length; i++) {
              const actor = actors[i]!
              const { provider, doc } = actor.client
              if (actor.offlineUntil !== undefined && now >= actor.offlineUntil) {
                actor.offlineUntil = undefined
                provider.connect()
              } else if (actor.offlineUntil === undefined && rng.chance(DISCONNECT_CHANCE)) {
                counts.disconnects++
                provider.disconnect()
                actor.offlineUntil = now + rng.int(200, 3000)
              }
              if (rng.chance(LEAVE_CHANCE)) {
                // Gone for good, with whatever it had not sent: only its acknowledged edits are owed.
                counts.leaves++
                ledger.judge(doc, copiesOf(actor.docIndex), true)
                actor.client.destroy()
                actors[i] = newActor(actor.docIndex)
                continue
              }
              if (rng.chance(EDIT_CHANCE)) {
                const edit = randomEdit(doc, rng, actor.name)
                if (edit) ledger.record(doc, actor.docIndex, edit)
              }
            }
            await sleep(TICK_MS)
          }
          await outage

          // Everyone back online; each document's copies must converge.
          for (const actor of actors) {
            if (actor.offlineUntil !== undefined) actor.client.provider.connect()
            actor.offlineUntil = undefined
          }
          const settleStarted = Date.now()
          const converged = () =>
            waitFor(
              () =>
                docs.every((_, d) => {
                  const copies = actors.filter((a) => a.docIndex === d)
                  return copies.every(
                    (a) => a.client.provider.synced && difference(a.client.doc, copies[0]!.client.doc) === undefined,
                  )
                }),
              60_000,
              'every document to converge',
            )
          await converged()
          const settleMs = Date.now() - settleStarted
          // The server follows the last text edits up by bringing claims' quotes up to date (250 ms
          // after them, 1 s on a second look): that update is part of the final document too.
          await sleep(1500)
          await converged()
          for (let d = 0; d < soakDocs; d++) for (const doc of copiesOf(d)) ledger.judge(doc, copiesOf(d))

          const problems: string[] = []
          const finals: Y.Doc[] = []
          for (let d = 0; d < soakDocs; d++) {
            const fresh = connectClient(server, docs[d]!.docId, params)
            await fresh.synced
            const diff = difference(fresh.doc, copiesOf(d)[0]!)
            if (diff) problems.push(`document ${d}: a fresh client differs from the clients (${diff})`)
            finals.push(fresh.doc)
            fresh.provider.destroy()
          }
          for (const actor of actors) actor.client.destroy()
          actors.length = 0
          expect(await server.stop()).toBe(0)
          for (let d = 0; d < soakDocs; d++) {
            const stored = await storedDocument(server, docs[d]!.docId)
            const diff = difference(stored, finals[d]!)
            if (diff) problems.push(`document ${d}: storage differs from the clients (${diff})`)
            for (const entry of ledger.judged.filter((e) => e.docIndex === d && e.acknowledged)) {
              for (const [copy, doc] of [
                ['clients', finals[d]!],
                ['storage', stored],
              ] as const) {
                if (!holds(doc, entry))
                  problems.push(
                    `document ${d}: acknowledged ${entry.kind} ${entry.client}:${entry.clock} missing from ${copy}`,
                  )
              }
            }
            const ids = new Set(
              readClaims(stored).flatMap((c) => [c.id, ...c.evidence.map((e) => e.id), ...c.comments.map((m) => m.id)]),
            )
            for (const entry of ledger.judged.filter((e) => e.docIndex === d && e.acknowledged && e.id)) {
              if (!ids.has(entry.id!))
                problems.push(`document ${d}: acknowledged ${entry.kind} ${entry.id} not readable from storage`)
            }
            stored.destroy()
          }

          const acknowledged = ledger.judged.filter((e) => e.acknowledged).length
          const owedByServer = ledger.judged.filter((e) => e.acknowledged && e.authorLeft).length
          const perKind = new Map<string, number>()
          for (const entry of ledger.judged) perKind.set(entry.kind, (perKind.get(entry.kind) ?? 0) + 1)
          const byKind = [...perKind].map(([kind, n]) => `${kind} ${n}`).join(', ')
          console.log(
            `[soak] ${backend.name}, seed ${seed}: ${ledger.judged.length} edits (${byKind}); ${acknowledged} acknowledged, ${owedByServer} of them ` +
              `by the ${counts.leaves} clients that left for good (only the server still had those), ` +
              `${ledger.judged.length - acknowledged} unacknowledged (gone with their author); ` +
              `${counts.disconnects} disconnects; SIGKILL at ${(killedAt / 1000).toFixed(1)} s, restart 1 s later; converged ${settleMs} ms after the edits stopped; ` +
              `${problems.length} problems`,
          )
          expect(killedAt).toBeGreaterThan(0)
          expect(ledger.judged.length).toBe(ledger.recorded)
          expect(acknowledged).toBeGreaterThan(soakClients) // the run only means something if many edits were owed
          expect(problems).toEqual([])
        } finally {
          for (const actor of actors) actor.client.destroy()
          await server.stop()
        }
      },
      (soakSeconds + 240) * 1000,
    )
  },
)
