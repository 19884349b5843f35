import WS from 'ws'
import { sleep } from '../../integration/support/clients.js'
import { openRawSocket, type RawSocket } from '../../integration/support/raw-socket.js'

/** How the server ended an attacking socket. */
export type Outcome =
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'open' }
  /** The upgrade itself was answered with an HTTP status. */
  | { kind: 'refused'; status: number }

export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'open') return 'stayed open'
  if (outcome.kind === 'refused') return `upgrade refused (HTTP ${outcome.status})`
  return `closed ${outcome.code}${outcome.reason ? ` "${outcome.reason}"` : ''}`
}

/** A raw socket, or the HTTP status that refused its upgrade. */
export async function attackSocket(url: string): Promise<RawSocket | { refused: number }> {
  try {
    return await openRawSocket(url)
  } catch (err) {
    const status = /Unexpected server response: (\d+)/.exec(String(err))?.[1]
    if (status) return { refused: Number(status) }
    throw err
  }
}

export function isOpen(raw: RawSocket): boolean {
  return raw.ws.readyState === WS.OPEN
}

/**
 * Sends the frames in order while the socket stays open, `everyMs` apart (0: as fast as
 * the socket takes them, yielding now and then so a close can be noticed). Returns how many went out.
 */
export async function sendWhileOpen(
  raw: RawSocket,
  frames: Iterable<Uint8Array>,
  everyMs = 0,
  maxMs = 10_000,
): Promise<number> {
  const deadline = Date.now() + maxMs
  let sent = 0
  for (const frame of frames) {
    if (!isOpen(raw) || Date.now() > deadline) break
    raw.ws.send(frame)
    sent++
    if (everyMs > 0) await sleep(everyMs)
    else if (sent % 500 === 0) await new Promise((r) => setImmediate(r))
  }
  return sent
}

/** The close the server chose, or 'open' if it kept the socket `settleMs` longer. */
export async function outcomeOf(raw: RawSocket, settleMs = 2000): Promise<Outcome> {
  const closed = await Promise.race([raw.closed, sleep(settleMs).then(() => undefined)])
  if (closed) return { kind: 'closed', ...closed }
  raw.ws.terminate()
  return { kind: 'open' }
}
