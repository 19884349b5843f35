import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Endpoint } from '../servers/types.js'
import { withTimeout } from './time.js'

export interface ProbeSummary {
  p50: number
  p99: number
  max: number
  n: number
  sent: number
}

export interface Probe {
  resume(): void
  pause(): void
  stop(): Promise<ProbeSummary>
}

/** Starts scenarios/probe.child.ts (inherits the generator's core), paused, once it is connected. */
export async function startProbe(endpoint: Endpoint, docId: string): Promise<Probe> {
  const script = fileURLToPath(new URL('../scenarios/probe.child.ts', import.meta.url))
  const child = fork(script, [JSON.stringify(endpoint), docId], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const messages: unknown[] = []
  let wake: (() => void) | undefined
  child.on('message', (m) => {
    messages.push(m)
    wake?.()
  })
  const next = (): Promise<unknown> =>
    messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => (wake = () => r(messages.shift())))
  const kill = (): void => void child.kill('SIGKILL')
  process.once('exit', kill)
  try {
    await withTimeout(next(), 15_000, 'probe start')
  } catch (err) {
    kill()
    throw err
  }
  const send = (m: string): void => {
    if (child.connected) child.send(m)
  }
  let stopped: Promise<ProbeSummary> | undefined
  return {
    resume: () => send('resume'),
    pause: () => send('pause'),
    stop() {
      stopped ??= (async () => {
        send('stop')
        try {
          return (await withTimeout(next(), 5000, 'probe stop')) as ProbeSummary
        } finally {
          process.off('exit', kill)
          kill()
        }
      })()
      return stopped
    },
  }
}
