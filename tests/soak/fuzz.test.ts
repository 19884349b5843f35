import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, createArticle, join, signUp } from '../integration/support/accounts.js'
import { connectClient, waitFor } from '../integration/support/clients.js'
import { residentBytes } from '../integration/support/process-memory.js'
import { startServer, type TestServer } from '../integration/support/server.js'
import { describeOutcome } from './support/attack.js'
import { Prng, seedFromEnv } from './support/prng.js'
import { sizes } from './support/sizes.js'
import { EDIT_P99_WITHIN_MS, HEALTH_WITHIN_MS, Watcher } from './support/watcher.js'
import { boundsEnv } from './fuzz/bounds.js'
import { allowedOutcome, runMutationFuzz } from './fuzz/mutation-run.js'
import { OFFENDERS, type AttackTarget, type Offender } from './fuzz/offenders.js'
import { type Row, honestProblems, offenderTable, statsCells, table } from './fuzz/report.js'

const seed = seedFromEnv()
const rng = new Prng(seed)
const limits = { healthMs: HEALTH_WITHIN_MS, editP99Ms: EDIT_P99_WITHIN_MS }
console.log(
  `[fuzz] seed ${seed} (replay with FUZZ_SEED=${seed}); ${sizes.fuzzFrames} mutation frames, ${sizes.fuzzWorkers} workers, RSS bound ${sizes.fuzzMaxRssMb} MB`,
)

/** The code, and whether the reason must name the bound (the problem message shows the pattern). */
function expectedText(o: Offender): string {
  return `${o.expected.code}${o.expected.reason ? ' + reason' : ''}`
}

async function healthy(server: TestServer): Promise<boolean> {
  try {
    return (await fetch(`${server.httpUrl}/api/health`, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

function rssMb(pid: number): number {
  try {
    return residentBytes(pid) / 1024 / 1024
  } catch {
    return NaN // no such process: it died
  }
}

/** Two new stock clients on the attacked document sync and see each other's edit: the room was not poisoned. */
async function freshClientsWork(server: TestServer, docId: string, token: string): Promise<string | undefined> {
  const a = connectClient(server, docId, { token })
  const b = connectClient(server, docId, { token })
  try {
    await waitFor(() => a.provider.synced && b.provider.synced, 5000, 'fresh clients to sync')
    a.doc.getMap('after').set('ok', 1)
    await waitFor(() => b.doc.getMap('after').get('ok') === 1, 5000, 'an edit between fresh clients')
    return undefined
  } catch (err) {
    return `fresh clients on the attacked document: ${(err as Error).message}`
  } finally {
    a.destroy()
    b.destroy()
  }
}

describe('hostile input cannot freeze or exhaust the server (fuzz)', () => {
  let server: TestServer
  let watcher: Watcher
  let offender: Account
  let capped: Account
  let fuzzer: Account
  let anchor: Account
  let target: AttackTarget
  const rows: Row[] = []
  const urlOf = (docId: string, account: Account) => `${server.wsUrl}/${docId}?token=${account.token}`

  beforeAll(async () => {
    server = await startServer({ env: { ...boundsEnv(), LOG_LEVEL: 'info', REJECT_LOG_LINES: '1000' } })
    const [honest, ...rest] = await Promise.all(
      ['honest', 'offender', 'capped', 'fuzzer', 'anchor'].map((label) => signUp(server, label)),
    )
    ;[offender, capped, fuzzer, anchor] = rest as [Account, Account, Account, Account]
    await join(server, fuzzer, fuzzer.workspaceId, anchor, 'viewer')
    const honestDoc = await createArticle(server, honest!, honest!.workspaceId, { title: 'Honest' })
    watcher = await Watcher.start(server, { docId: honestDoc.docId, token: honest!.token })
    const docOf = async (account: Account) => {
      const { docId } = await createArticle(server, account, account.workspaceId, { title: 'Attacked' })
      return { docId, url: urlOf(docId, account) }
    }
    target = {
      rng,
      logs: () => server.logs(),
      freshDoc: () => docOf(offender),
      cappedDoc: () => docOf(capped),
      async fill(docId, bytes) {
        const writer = connectClient(server, docId, { token: offender.token })
        const reader = connectClient(server, docId, { token: offender.token })
        await Promise.all([writer.synced, reader.synced])
        const chunk = 60 * 1024
        for (let done = 0; done < bytes; done += chunk) writer.doc.getText('fill').insert(done, 'f'.repeat(chunk))
        await waitFor(() => reader.doc.getText('fill').length >= bytes, 10_000, 'the filled document to reach a reader')
        writer.destroy()
        reader.destroy()
      },
    }
  }, 120_000)

  afterAll(async () => {
    await watcher?.stop()
    await server?.stop()
    if (rows.length) console.log(`\n[fuzz] offenders (seed ${seed}):\n${offenderTable(rows)}\n`)
  })

  it.each(OFFENDERS.map((o) => [o.kind, o] as const))(
    '%s: gets its close code, honest clients unaffected',
    async (_kind, o) => {
      const from = watcher.now()
      const attempt = await o.attack(target)
      const to = watcher.now()
      const problems: string[] = []
      const { outcome } = attempt
      const codeOk = outcome.kind === 'closed' && outcome.code === o.expected.code
      const reasonOk = outcome.kind === 'closed' && (!o.expected.reason || o.expected.reason.test(outcome.reason))
      if (!codeOk || !reasonOk)
        problems.push(
          `expected ${o.expected.code}${o.expected.reason ? ` ${o.expected.reason}` : ''}, ${describeOutcome(outcome)}`,
        )
      const poisoned = await freshClientsWork(
        server,
        attempt.docId,
        o.kind === 'many sockets on one token' ? capped.token : offender.token,
      )
      if (poisoned) problems.push(poisoned)
      const stats = await watcher.stats(from, to)
      problems.push(...honestProblems(stats, sizes.fuzzMaxRssMb, limits))
      // A server the offender froze, killed or bloated is replaced, so the next kind is measured on its own.
      if (!(await healthy(server)) || rssMb(server.pid()) > sizes.fuzzMaxRssMb) {
        problems.push(`server restarted after this kind (RSS ${Math.round(rssMb(server.pid()))} MB)`)
        await server.kill()
        await server.restart()
        watcher.follow(server.pid())
      }
      rows.push({
        kind: o.kind,
        bound: o.bound,
        expected: expectedText(o),
        got: describeOutcome(outcome),
        frames: attempt.frames,
        stats,
        note: attempt.note ?? '',
        problems,
      })
      expect(problems).toEqual([])
    },
    90_000,
  )

  it(
    `${sizes.fuzzFrames} random, truncated, bit-flipped and oversized frames: each refused with its code or applied, the server keeps answering`,
    async () => {
      const from = watcher.now()
      const run = await runMutationFuzz({
        rng: rng.fork(),
        frames: sizes.fuzzFrames,
        workers: sizes.fuzzWorkers,
        async newDoc() {
          const { docId } = await createArticle(server, fuzzer, fuzzer.workspaceId, { title: 'Fuzzed' })
          return { url: urlOf(docId, fuzzer), anchorUrl: urlOf(docId, anchor) }
        },
      })
      const to = watcher.now()
      const stats = await watcher.stats(from, to)
      const lines: string[][] = []
      const disallowed: string[] = []
      for (const [kind, outcomes] of run.tally) {
        for (const [label, n] of [...outcomes].sort((a, b) => b[1] - a[1])) {
          const ok = allowedOutcome(kind, label)
          if (!ok) disallowed.push(`${kind}: ${label} ×${n}`)
          lines.push([kind, label, String(n), ok ? 'ok' : 'NOT ALLOWED'])
        }
      }
      console.log(
        `\n[fuzz] ${run.frames} mutation frames over ${run.sockets} sockets in ${(run.ms / 1000).toFixed(1)} s (seed ${seed}); ` +
          `health max / edit p99 / RSS / load: ${statsCells(stats).join(' / ')}\n${table(['kind', 'outcome', 'frames', ''], lines)}\n`,
      )
      expect(run.frames).toBe(sizes.fuzzFrames)
      expect([...disallowed, ...honestProblems(stats, sizes.fuzzMaxRssMb, limits)]).toEqual([])
    },
    120_000 + sizes.fuzzFrames * 6,
  )
})
