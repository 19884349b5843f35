import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './index.js'

/** The variables named in the first column of README.md's Configuration table. */
function readmeVariables(): Set<string> {
  const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0]
  if (section === undefined) throw new Error('README.md has no "## Configuration" section')
  const names = new Set<string>()
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue
    const firstCell = line.split('|')[1]!
    for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(m[1]!)
  }
  return names
}

/** Every variable loadConfig looks at (it reads them all on every call). */
function loaderVariables(): Set<string> {
  const read = new Set<string>()
  const env = new Proxy({} as Record<string, string | undefined>, {
    get(_target, name) {
      if (typeof name === 'string') read.add(name)
      return undefined
    },
  })
  loadConfig(env)
  return read
}

describe("README.md's Configuration table", () => {
  it('lists every variable the loader reads, and only those', () => {
    const documented = readmeVariables()
    const read = loaderVariables()
    expect(read.size).toBeGreaterThan(50)
    expect(
      [...read].filter((n) => !documented.has(n)).sort(),
      'read by server/src/config but not in the README table',
    ).toEqual([])
    expect([...documented].filter((n) => !read.has(n)).sort(), 'in the README table but read by nobody').toEqual([])
  })
})
