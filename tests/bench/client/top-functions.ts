/**
 * `node --import tsx bench/client/top-functions.ts file.cpuprofile [N]`: the N functions with the
 * most self time and the most total time (self + callees) in a profile written by --profile.
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
  children?: number[]
}

const [file, count = '25'] = process.argv.slice(2)
if (file === undefined) throw new Error('usage: top-functions.ts file.cpuprofile [N]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`

const self = new Map<string, number>()
const total = new Map<string, number>()
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000
  const node = byId.get(id)!
  self.set(label(node), (self.get(label(node)) ?? 0) + ms)
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const l = label(byId.get(at)!)
    if (seen.has(l)) continue
    seen.add(l)
    total.set(l, (total.get(l) ?? 0) + ms)
  }
})
const top = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(count))
    .map(([l, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${l}`)
    .join('\n')
console.log(`self time\n${top(self)}\n\ntotal time\n${top(total)}`)
