/**
 * Runs in the page before the app (Playwright's addInitScript), so it sees every key and every
 * socket message. Two measurements, both ending at the next painted frame: a callback of
 * requestAnimationFrame runs just before the frame is drawn, and a message posted from it runs
 * just after, so "paint" below is that message (the usual next-paint probe).
 *
 * - local: from the keydown's timestamp (when the browser took the key, so time the key
 *   waited behind other work counts) to the paint after its `input` event;
 * - remote: from a document update's socket `message` timestamp (y-websocket sync message,
 *   update sub-type) to the paint after it was applied; the wall-clock time of that paint
 *   is kept too, to pair it with the key that caused it in the other window.
 *
 * Only while `armed`: warm-up and page load are not measured.
 */
export interface ProbeSamples {
  local: number[]
  remote: number[]
  /** performance.timeOrigin + time, per remote sample: when it was painted (ms since epoch). */
  remotePaintedAt: number[]
  /** The same for every local key: when the browser took it (ms since epoch). */
  keyAt: number[]
}

export function installProbe(): void {
  const w = window as unknown as { __typingProbe: ProbeSamples & { armed: boolean } }
  const probe = { armed: false, local: [], remote: [], remotePaintedAt: [], keyAt: [] } as ProbeSamples & {
    armed: boolean
  }
  w.__typingProbe = probe

  const afterNextPaint = (done: (now: number) => void) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done(performance.now())
      channel.port2.postMessage(0)
    })
  }

  let keyStamp: number | null = null
  document.addEventListener(
    'keydown',
    (event) => {
      if (!probe.armed || !(event.target instanceof Element) || event.target.closest('.ProseMirror') === null) return
      keyStamp = event.timeStamp
      probe.keyAt.push(performance.timeOrigin + event.timeStamp)
    },
    true,
  )
  document.addEventListener(
    'input',
    () => {
      const from = keyStamp
      keyStamp = null
      if (!probe.armed || from === null) return
      afterNextPaint((now) => probe.local.push(now - from))
    },
    true,
  )

  const Native = window.WebSocket
  class ProbedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      // Registered before the provider sets onmessage, so this runs first, in the same task.
      this.addEventListener('message', (event: MessageEvent) => {
        if (!probe.armed || !(event.data instanceof ArrayBuffer)) return
        const bytes = new Uint8Array(event.data)
        // y-websocket: message type 0 (sync), sub-type 2 (update).
        if (bytes[0] !== 0 || bytes[1] !== 2) return
        const from = event.timeStamp
        afterNextPaint((now) => {
          probe.remote.push(now - from)
          probe.remotePaintedAt.push(performance.timeOrigin + now)
        })
      })
    }
  }
  window.WebSocket = ProbedWebSocket
}
