import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runUntilExit, startServer } from '../support/server.js'

/** The exit status docs/operations.md documents for a database file that cannot be read. */
const EXIT_UNREADABLE_STORE = 65

describe('a database file that is not a database (embedded store)', () => {
  it('the server says so once, naming the file and the way back, and exits with the documented code', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-notadb-'))
    const file = path.join(dataDir, 'factcheck.sqlite3')
    try {
      fs.writeFileSync(file, 'these are the minutes of a meeting, not a database\n'.repeat(200))
      const { code, stderr } = await runUntilExit({ dataDir })
      expect(code).toBe(EXIT_UNREADABLE_STORE)
      expect(stderr).toContain(file)
      expect(stderr).toMatch(/not a readable SQLite database/)
      expect(stderr).toMatch(/Recovery/)
      // One message, no stack trace.
      expect(stderr).not.toMatch(/^\s+at /m)
      // The file is left as it was, for the operator to inspect or restore.
      expect(fs.readFileSync(file, 'utf8')).toMatch(/^these are the minutes/)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('a database whose pages were overwritten (header intact) is refused the same way', async () => {
    const server = await startServer()
    const file = path.join(server.dataDir, 'factcheck.sqlite3')
    try {
      expect(await server.stop()).toBe(0)
      // Keep the 100-byte header, garble the schema page and the pages after it.
      const bytes = fs.readFileSync(file)
      bytes.fill(0xa5, 100, Math.min(bytes.length, 64 * 1024))
      fs.writeFileSync(file, bytes)
      const { code, stderr } = await runUntilExit({ dataDir: server.dataDir })
      expect(code).toBe(EXIT_UNREADABLE_STORE)
      expect(stderr).toContain(file)
      expect(stderr).not.toMatch(/^\s+at /m)
    } finally {
      fs.rmSync(server.dataDir, { recursive: true, force: true })
    }
  })
})
