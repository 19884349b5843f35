import { log } from '../../log.js'
import type { RoomRegistry } from '../rooms.js'

/**
 * Integration tests only (FC_TEST_HOLD_ADMISSION=1, config.test.holdAdmission; server.ts switches it on): a socket whose URL carries
 * `hold-admission` is held after the gate decided, before it joins its room, until an
 * access change has been applied on this instance (or 10 s passed). It logs
 * `admission held` with the document id when it starts waiting. That makes the race
 * settleAccess closes (admission.ts) happen every time instead of once in a while.
 */
let enabled = false
const HOLD_LIMIT_MS = 10_000
const POLL_MS = 5

export function enableAdmissionHold(on: boolean): void {
  enabled = on
}

export async function holdAdmission(url: URL, docId: string, registry: RoomRegistry, epoch: number): Promise<void> {
  if (!enabled || !url.searchParams.has('hold-admission')) return
  log('admission held', { docId })
  const deadline = Date.now() + HOLD_LIMIT_MS
  while (registry.accessEpoch === epoch && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
}
