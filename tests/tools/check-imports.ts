// Import-graph check: no cycles between files, and no import against the layer order.
//
//   pnpm check:imports    client and server must both pass
//
// Only relative imports are followed (packages such as @fc/shared are outside the tree).
// Imports are read with TypeScript's own pre-processor, so comments and strings are not
// mistaken for imports, and `export … from`, `import type` and `import()` all count.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

/** A file path relative to the checked root, with forward slashes. */
export type FileId = string

export interface Graph {
  files: FileId[]
  edges: Map<FileId, Set<FileId>>
}

export interface Layering {
  /** Name of the tree, printed before its problems. */
  name: string
  /**
   * Rank of the layer a file belongs to: a file may import files of the same or a lower rank.
   * `null`: the file is outside the layering (not checked either way). `undefined`: unknown.
   */
  rankOf(file: FileId): number | null | undefined
  /** Name of the layer a file belongs to, for messages and for the same-rank rule. */
  layerOf(file: FileId): string
  /**
   * Layers of the same rank that may not import each other (features are side by side).
   * An edge between two of them is a problem unless `allowSideways(from, to)` says it is documented.
   */
  sideBySide?: (layer: string) => boolean
  allowSideways?: (from: FileId, to: FileId) => boolean
  /**
   * Imports of other packages this tree may make only as types (`import type`), and only from
   * the files `where` accepts: a type crosses the boundary, no code does.
   */
  typeOnlyPackages?: { prefix: string; where: (file: FileId) => boolean; why: string }[]
  /**
   * Groups whose parts may not import each other in a circle, e.g. the sub-folders of a wing:
   * returns the part a file belongs to, or undefined if it is in no such group.
   */
  partOf?: (file: FileId) => string | undefined
}

const SOURCE = /\.(ts|tsx|mts|cts)$/
const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.d.ts', '/index.ts', '/index.tsx']

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else out.push(full)
  }
}

const toId = (root: string, file: string): FileId => relative(root, file).split(sep).join('/')

function resolveImport(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec)
  // TypeScript with NodeNext-style specifiers writes `./x.js` for `./x.ts`.
  const candidates = [base]
  const js = /\.(m|c)?jsx?$/.exec(base)
  if (js) {
    const stem = base.slice(0, -js[0].length)
    candidates.push(`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`)
  }
  for (const candidate of candidates) {
    for (const ext of RESOLVE_EXTENSIONS) {
      const path = candidate + ext
      if (existsSync(path) && statSync(path).isFile()) return path
    }
  }
  return undefined
}

/** Every relative import of every .ts/.tsx file under `root` (tests included). */
/** The package imports of a file (`import`/`export … from`), each with whether only types are named. */
function packageImports(text: string): { spec: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false)
  const out: { spec: string; typeOnly: boolean }[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause
      const named = clause?.namedBindings
      const allNamedTypes =
        named !== undefined && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly) && !clause?.name
      out.push({ spec: statement.moduleSpecifier.text, typeOnly: Boolean(clause?.isTypeOnly || allNamedTypes) })
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      out.push({ spec: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly })
    }
  }
  return out
}

/** Imports of a type-only package that bring code, or come from a file not allowed to make them. */
function typeOnlyViolations(root: string, files: FileId[], layering: Layering): string[] {
  const rules = layering.typeOnlyPackages ?? []
  if (rules.length === 0) return []
  const out: string[] = []
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    if (!rules.some((r) => text.includes(r.prefix))) continue
    for (const { spec, typeOnly } of packageImports(text)) {
      const rule = rules.find((r) => spec === r.prefix || spec.startsWith(`${r.prefix}/`))
      if (!rule) continue
      if (!typeOnly) out.push(`${file} -> ${spec}   (only \`import type\`: ${rule.why})`)
      else if (!rule.where(file)) out.push(`${file} -> ${spec}   (not from here: ${rule.why})`)
    }
  }
  return out
}

export function readGraph(root: string): { graph: Graph; unresolved: string[] } {
  const all: string[] = []
  walk(root, all)
  const files = all.filter((f) => SOURCE.test(f)).sort()
  const edges = new Map<FileId, Set<FileId>>()
  const unresolved: string[] = []
  for (const file of files) {
    const id = toId(root, file)
    const targets = new Set<FileId>()
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    for (const ref of info.importedFiles) {
      const spec = ref.fileName
      if (!spec.startsWith('./') && !spec.startsWith('../')) continue
      const target = resolveImport(file, spec)
      if (!target) {
        unresolved.push(`${id} -> ${spec}`)
        continue
      }
      const targetId = toId(root, target)
      if (targetId.startsWith('..')) continue // outside the checked tree
      targets.add(targetId)
    }
    edges.set(id, targets)
  }
  return { graph: { files: files.map((f) => toId(root, f)), edges }, unresolved }
}

/** Strongly connected components of size > 1 (or a file importing itself), via Tarjan. */
function stronglyConnected(nodes: string[], edges: Map<string, Set<string>>): string[][] {
  let index = 0
  const indexOf = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const out: string[][] = []
  const visit = (v: string): void => {
    indexOf.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!))
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || edges.get(v)?.has(v)) out.push(component.sort())
    }
  }
  for (const node of nodes) if (!indexOf.has(node)) visit(node)
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!))
}

/** One shortest circle through the first node of a component, staying inside it. */
function oneCycle(component: string[], edges: Map<string, Set<string>>): string[] {
  const inside = new Set(component)
  const start = component[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const v = queue.shift()!
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w)) continue
      if (w === start) {
        const path = [v]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start]
      }
      if (!previous.has(w)) {
        previous.set(w, v)
        queue.push(w)
      }
    }
  }
  return [start, start]
}

/** Every import cycle, each printed as one circle `a -> b -> a` (with the size of its tangle). */
export function findCycles(nodes: string[], edges: Map<string, Set<string>>): string[] {
  return stronglyConnected(nodes, edges).map((component) => {
    const circle = oneCycle(component, edges).join(' -> ')
    return component.length > 2 ? `${circle}   (tangle of ${component.length}: ${component.join(', ')})` : circle
  })
}

export interface Report {
  name: string
  cycles: string[]
  partCycles: string[]
  upward: string[]
  sideways: string[]
  unlayered: string[]
  unresolved: string[]
  /** Package imports against `typeOnlyPackages`. */
  crossPackage: string[]
}

export const problemCount = (r: Report): number =>
  r.cycles.length +
  r.partCycles.length +
  r.upward.length +
  r.sideways.length +
  r.unlayered.length +
  r.unresolved.length +
  r.crossPackage.length

export function checkTree(root: string, layering: Layering): Report {
  const { graph, unresolved } = readGraph(root)
  const report: Report = {
    name: layering.name,
    cycles: [],
    partCycles: [],
    upward: [],
    sideways: [],
    unlayered: [],
    unresolved,
    crossPackage: typeOnlyViolations(root, graph.files, layering),
  }
  report.cycles = findCycles(graph.files, graph.edges)
  for (const file of graph.files) {
    if (layering.rankOf(file) === undefined) report.unlayered.push(file)
  }
  const partEdges = new Map<string, Set<string>>()
  for (const [from, targets] of graph.edges) {
    const fromRank = layering.rankOf(from)
    const fromPart = layering.partOf?.(from)
    for (const to of targets) {
      const toRank = layering.rankOf(to)
      const toPart = layering.partOf?.(to)
      if (fromPart && toPart && fromPart !== toPart) {
        if (!partEdges.has(fromPart)) partEdges.set(fromPart, new Set())
        partEdges.get(fromPart)!.add(toPart)
      }
      if (fromRank == null || toRank == null) continue
      const fromLayer = layering.layerOf(from)
      const toLayer = layering.layerOf(to)
      if (toRank > fromRank) {
        report.upward.push(`${from} -> ${to}   (${fromLayer} may not import ${toLayer})`)
      } else if (
        toRank === fromRank &&
        fromLayer !== toLayer &&
        layering.sideBySide?.(fromLayer) &&
        !layering.allowSideways?.(from, to)
      ) {
        report.sideways.push(`${from} -> ${to}   (feature ${fromLayer} may not import feature ${toLayer})`)
      }
    }
  }
  const parts = [...new Set([...partEdges.keys(), ...[...partEdges.values()].flatMap((s) => [...s])])].sort()
  report.partCycles = findCycles(parts, partEdges)
  return report
}

export function printReport(report: Report, log: (line: string) => void): void {
  const sections: [string, string[]][] = [
    ['import cycles between files', report.cycles],
    ['import cycles between wings or the parts of a wing', report.partCycles],
    ['upward imports', report.upward],
    ['imports between features (not documented as allowed)', report.sideways],
    ['files in no layer', report.unlayered],
    ['relative imports that do not resolve', report.unresolved],
    ['imports of another package against its rule', report.crossPackage],
  ]
  const count = problemCount(report)
  log(`${report.name}: ${count === 0 ? 'ok' : `${count} problem${count === 1 ? '' : 's'}`}`)
  for (const [title, lines] of sections) {
    if (lines.length === 0) continue
    log(`  ${title} (${lines.length}):`)
    for (const line of lines) log(`    ${line}`)
  }
}

// ---------------------------------------------------------------------------------------------
// The project's layer orders.

const firstSegment = (file: FileId): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file)

/**
 * client/src, bottom to top: ui ← api ← live ← features ← app ← main.tsx.
 * Features sit side by side and do not import each other.
 */
export const CLIENT_WINGS: Record<string, number> = {
  ui: 0,
  api: 1,
  live: 2,
  article: 3,
  workshops: 3,
  workspaces: 3,
  auth: 3,
  members: 3,
  review: 3,
  inbox: 3,
  activity: 3,
  app: 4,
  'main.tsx': 5,
}

/**
 * The files a feature may import from another feature: its public entries, each with the
 * features that use it and why (docs/architecture.md, "Folders, one job each"). Among features this
 * gives an order too: auth ← workspaces ← members, and auth, workspaces, article ← workshops;
 * the wing-level cycle check keeps it from turning into a circle.
 */
export const CLIENT_SIDEWAYS: Record<FileId, { by: string[]; why: string }> = {
  'auth/session.tsx': {
    by: ['workspaces', 'members', 'workshops', 'review'],
    why: 'who is signed in (useMe, useSession)',
  },
  'auth/auth.css': { by: ['workshops'], why: 'the join screen is drawn like the sign-in screens' },
  'workspaces/workspaces.tsx': { by: ['members', 'workshops'], why: 'the workspaces list and the current workspace' },
  'workspaces/WorkspaceHeader.tsx': {
    by: ['members', 'workshops', 'review', 'activity'],
    why: 'the header of every workspace page',
  },
  'workspaces/workspaces.css': {
    by: ['workshops', 'review', 'activity'],
    why: 'the workshops list, the review queue and the activity page are workspace pages',
  },
  'workspaces/InviteDialog.tsx': { by: ['members'], why: 'inviting from the members page' },
  'article/DocumentPanes.tsx': { by: ['workshops'], why: 'a workshop copy opens like an article' },
  'article/claims/context.ts': { by: ['workshops'], why: 'the claims features a workshop screen turns on' },
  'article/claims/useVerdictScale.ts': { by: ['workshops', 'review'], why: "the workspace's verdict labels" },
  'article/claims/format.ts': {
    by: ['workshops', 'review'],
    why: 'stance and verdict labels in the answer key; relative times in the queue',
  },
  'article/claims/Chips.tsx': { by: ['review'], why: 'a queued claim shows its verdict as on its card' },
  'article/claims/claimLink.ts': {
    by: ['review', 'inbox', 'activity'],
    why: 'a queued claim, a notification, opens in its article at the claim',
  },
  'article/claims/review/DecisionDialog.tsx': { by: ['review'], why: "the queue decides with the claim card's dialog" },
  'article/claims/review/reviewFormat.ts': { by: ['review'], why: 'review state and reason labels' },
  'activity/ActivityFeed.tsx': {
    by: ['article'],
    why: "the article's Activity tab and the workspace's activity page are one feed",
  },
}

export const clientLayering: Layering = {
  name: 'client/src',
  rankOf: (file) => CLIENT_WINGS[firstSegment(file)],
  layerOf: firstSegment,
  sideBySide: (layer) => CLIENT_WINGS[layer] === 3,
  allowSideways: (from, to) => CLIENT_SIDEWAYS[to]?.by.includes(firstSegment(from)) ?? false,
  // The server's route types reach the typed client (api/api.ts, hc<ApiRoutes>), and nothing else of it.
  typeOnlyPackages: [
    {
      prefix: '@fc/server',
      where: (file) => firstSegment(file) === 'api',
      why: "the server's route types are read by the api wing only",
    },
  ],
  // No circle between wings, nor between the parts of the article wing (editor/, claims/,
  // suggestions/, shared-text/; its top files, such as DocumentPanes.tsx, are the wing's own).
  partOf: (file) => {
    const parts = file.split('/')
    return parts[0] === 'article' && parts.length > 2 ? `article/${parts[1]}` : firstSegment(file)
  },
}

/**
 * server/src, top to bottom: routes → auth → domain → articles → collab → storage
 * (docs/architecture.md). app.ts, server.ts and main.ts wire everything and sit on top;
 * config/ and log.ts are infrastructure at the bottom, events/ (the live events bus, which
 * knows nothing of the layers above it) beside storage; scale/ adapts collab, storage and
 * auth to Redis and is wired in by server.ts, so it is outside the order.
 */
export const SERVER_LAYERS: Record<string, number | null> = {
  'log.ts': -1,
  config: -1,
  storage: 0,
  // The live-events bus knows only log.ts and @fc/shared: any layer above may publish on it.
  events: 0,
  collab: 1,
  articles: 2,
  domain: 3,
  auth: 4,
  routes: 5,
  'app.ts': 6,
  'server.ts': 6,
  'main.ts': 6,
  scale: null,
}

export const serverLayering: Layering = {
  name: 'server/src',
  rankOf: (file) => SERVER_LAYERS[firstSegment(file)],
  layerOf: firstSegment,
}

function main(): number {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
  const client = checkTree(join(repo, 'client/src'), clientLayering)
  const server = checkTree(join(repo, 'server/src'), serverLayering)
  printReport(client, console.log)
  printReport(server, console.log)
  return problemCount(client) > 0 || problemCount(server) > 0 ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main()
}
