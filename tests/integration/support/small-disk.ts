import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { PG_ADMIN_URL, postgresReachable } from './postgres.js'
import { startServer, type StartOptions, type TestServer } from './server.js'

/**
 * A store on a disk the test can fill and free: a small tmpfs under the embedded store's
 * DATA_DIR, or, for PostgreSQL, under a tablespace that holds the whole test database (the
 * local server's own WAL stays on its disk, so it keeps running while the table files cannot
 * grow). Needs root (mount) and a PostgreSQL on this machine that can reach the directory.
 */
export interface SmallDisk {
  name: 'sqlite' | 'postgres'
  /** Skip reason when this cannot run here, otherwise undefined. */
  unavailable: string | undefined
  start(options?: Omit<StartOptions, 'dataDir' | 'databaseUrl'>): Promise<TestServer>
  /** Takes every free byte of the disk with a file; resolves once a write of one more byte fails. */
  fill(): void
  /** Deletes the filling file: space is back. */
  free(): void
  /** Drops the database and tablespace, unmounts. */
  cleanup(): Promise<void>
}

const canMount = probeMount()
const pgLocal = (await postgresReachable()) && postgresOnThisMachine()

/** Whether this process may mount a tmpfs (root, not in a locked-down container). */
function probeMount(): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-mount-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' })
    execFileSync('umount', [dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The tablespace directory must be reachable by the PostgreSQL server process: only when it runs here. */
function postgresOnThisMachine(): boolean {
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' })
    return /postgres/.test(execFileSync('ps', ['-eo', 'comm'], { encoding: 'utf8' }))
  } catch {
    return false
  }
}

if (!canMount) console.warn('[integration] cannot mount a tmpfs here (needs root): the disk-full tests are SKIPPED.')
else if (!pgLocal)
  console.warn('[integration] no PostgreSQL on this machine: the postgres disk-full tests are SKIPPED.')

function mountTmpfs(dir: string, options: string): void {
  fs.mkdirSync(dir, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])
}

function fillDir(dir: string): string {
  const file = path.join(dir, 'filler')
  const fd = fs.openSync(file, 'w')
  const chunk = Buffer.alloc(64 * 1024, 1)
  try {
    // Smaller writes once a large one no longer fits, down to one byte.
    for (let size = chunk.length; ; ) {
      try {
        fs.writeSync(fd, chunk, 0, size)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
        if (size === 1) return file
        size = Math.floor(size / 2)
      }
    }
  } finally {
    fs.closeSync(fd)
  }
}

export function smallDisks(): SmallDisk[] {
  return [sqliteDisk(), postgresDisk()]
}

function sqliteDisk(): SmallDisk {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-small-disk-'))
  let mounted = false
  let filler: string | undefined
  return {
    name: 'sqlite',
    unavailable: canMount ? undefined : 'cannot mount a tmpfs here (needs root)',
    async start(options) {
      if (!mounted) mountTmpfs(root, 'size=4m')
      mounted = true
      return startServer({ ...options, dataDir: root })
    },
    fill: () => void (filler = fillDir(root)),
    free: () => filler && fs.rmSync(filler, { force: true }),
    async cleanup() {
      if (mounted) execFileSync('umount', [root])
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

function postgresDisk(): SmallDisk {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-small-pg-'))
  const name = `fc_full_${process.pid}_${Date.now()}`
  let mounted = false
  let created = false
  let filler: string | undefined
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  return {
    name: 'postgres',
    unavailable: !canMount
      ? 'cannot mount a tmpfs here (needs root)'
      : pgLocal
        ? undefined
        : 'no PostgreSQL on this machine to hold a tablespace',
    async start(options) {
      if (!mounted) {
        // A fresh database copies template1 (~8 MB) into the tablespace first.
        mountTmpfs(root, 'size=24m,mode=0700')
        mounted = true
        execFileSync('chown', ['postgres:postgres', root])
        await admin(`CREATE TABLESPACE ${name} LOCATION '${root}'`)
        await admin(`CREATE DATABASE ${name} TABLESPACE ${name}`)
        created = true
      }
      const url = new URL(PG_ADMIN_URL)
      url.pathname = `/${name}`
      return startServer({ ...options, databaseUrl: url.toString() })
    },
    fill: () => void (filler = fillDir(root)),
    free: () => filler && fs.rmSync(filler, { force: true }),
    async cleanup() {
      if (created) {
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)
        await admin(`DROP TABLESPACE IF EXISTS ${name}`).catch(() => undefined)
      }
      if (mounted) execFileSync('umount', [root])
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}
