/**
 * A latency probe travels inside an ordinary Yjs update as a string value
 * `fc#<seq>@<scheduledMs>$`. Readers find it by scanning the raw update bytes, so
 * the same probe works for full Y.Doc clients and for raw clients that never
 * decode Yjs, and survives servers that merge several updates into one frame.
 */
const PREFIX = [0x66, 0x63, 0x23] // "fc#"
const AT = 0x40
const END = 0x24
const DOT = 0x2e

export function makeMarker(seq: number, scheduledMs: number): string {
  return `fc#${seq}@${scheduledMs.toFixed(3)}$`
}

export function scanMarkers(bytes: Uint8Array, onMarker: (seq: number, scheduledMs: number) => void): void {
  const end = bytes.length - 6
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== PREFIX[0] || bytes[i + 1] !== PREFIX[1] || bytes[i + 2] !== PREFIX[2]) continue
    let j = i + 3
    let seq = 0
    let digits = 0
    while (j < bytes.length && (bytes[j] as number) >= 0x30 && (bytes[j] as number) <= 0x39) {
      seq = seq * 10 + (bytes[j] as number) - 0x30
      j++
      digits++
    }
    if (digits === 0 || bytes[j] !== AT) continue
    const start = ++j
    while (j < bytes.length && bytes[j] !== END) {
      const c = bytes[j] as number
      if (!(c === DOT || (c >= 0x30 && c <= 0x39))) break
      j++
    }
    if (bytes[j] !== END || j === start) continue
    onMarker(seq, Number(String.fromCharCode(...bytes.subarray(start, j))))
    i = j
  }
}
