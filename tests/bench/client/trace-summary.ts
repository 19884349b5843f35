/**
 * `node --import tsx bench/client/trace-summary.ts file.json [N]`: where the renderer's main
 * thread spent a trace written by --trace: each complete event's own time (its duration less
 * its children's), summed by name, the N largest; and the keys' count for a per-key figure.
 */
import { readFileSync } from 'node:fs'

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { type?: string } }
}

const [file, count = '25'] = process.argv.slice(2)
if (file === undefined) throw new Error('usage: trace-summary.ts file.json [N]')
const { traceEvents } = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }

// The renderer's main thread: the one running the page's frames.
const threadNames = traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name') as Array<
  TraceEvent & { args: { name: string } }
>
const main = threadNames.find((e) => e.args.name === 'CrRendererMain')
if (main === undefined) throw new Error('no renderer main thread in this trace')
const events = traceEvents
  .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)

const self = new Map<string, number>()
const stack: Array<{ end: number; name: string }> = []
let busy = 0
const label = (e: TraceEvent) => (e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type ?? '?'}` : e.name)
for (const e of events) {
  while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop()
  const parent = stack[stack.length - 1]
  const name = label(e)
  self.set(name, (self.get(name) ?? 0) + e.dur! / 1000)
  if (parent !== undefined) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000)
  else busy += e.dur! / 1000
  stack.push({ end: e.ts + e.dur!, name })
}
const keys = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').length
console.log(
  `main thread busy ${busy.toFixed(0)} ms over ${keys} keydowns (${(busy / Math.max(1, keys)).toFixed(1)} ms a key)`,
)
console.log(
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(count))
    .map(
      ([name, ms]) =>
        `${ms.toFixed(1).padStart(9)} ms  ${(ms / Math.max(1, keys)).toFixed(2).padStart(6)} /key  ${name}`,
    )
    .join('\n'),
)
