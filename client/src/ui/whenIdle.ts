/**
 * Runs `task` once the browser is idle, and within `timeoutMs` in any case; returns a cancel.
 * For work a keystroke causes but need not wait for (re-anchoring claims, re-scoring
 * sentences): it runs after the frame that shows the key, not in front of the next key.
 */
export function whenIdle(task: () => void, timeoutMs = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(task, 0)
  return () => clearTimeout(timer)
}
