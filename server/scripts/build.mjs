// Compiles the server and the shared package it imports to plain JavaScript (server/dist,
// shared/dist), file by file with the directory layout kept, so every path the code builds
// from import.meta.url (seed article, data dir, client dist, worker files) still resolves.
// Production runs this output: running the TypeScript through tsx cost an extra loader
// thread with its own V8 heap and GC, a larger heap, and a transpile on every start.
// Types are checked by `pnpm typecheck`, not here; this is the same per-file transform tsx does.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../', import.meta.url))

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(file) : [file]
  })
}

async function compile(pkg) {
  const src = path.join(root, pkg, 'src')
  const dist = path.join(root, pkg, 'dist')
  rmSync(dist, { recursive: true, force: true })
  const files = walk(src)
  await build({
    // Tests and their helpers (*.testing.ts) stay out of what production runs.
    entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.testing.ts')),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  // Worker threads are started from their .mjs files by path: they ship as they are.
  for (const file of files.filter((f) => f.endsWith('.mjs'))) {
    const out = path.join(dist, path.relative(src, file))
    mkdirSync(path.dirname(out), { recursive: true })
    copyFileSync(file, out)
  }
}

await compile('shared')
await compile('server')
