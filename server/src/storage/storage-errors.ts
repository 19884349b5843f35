/**
 * How the drivers say "no space left": the store stops taking edits it cannot keep, and the
 * HTTP routes answer 507, instead of a generic failure that looks like a bug.
 */

/**
 * SQLite: SQLITE_FULL, and the I/O error variants a write gets when the WAL, its index or the
 * database file cannot grow (better-sqlite3 puts the extended code on `code`).
 */
const SQLITE_FULL_CODES: ReadonlySet<string> = new Set([
  'SQLITE_FULL',
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_SHMSIZE',
  'SQLITE_IOERR_SHMMAP',
  'SQLITE_IOERR_TRUNCATE',
])

/** PostgreSQL SQLSTATE: 53100 disk_full, 53000 insufficient_resources. */
const POSTGRES_FULL_CODES: ReadonlySet<string> = new Set(['53100', '53000'])

export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (SQLITE_FULL_CODES.has(code) || POSTGRES_FULL_CODES.has(code))
}

/** For writes that are bookkeeping only (a session's extension, a token's last use): skipped when storage is full. */
export function ignoreStorageFull(err: unknown): void {
  if (!isStorageFull(err)) throw err
}

/** SQLite's words for a file that is not (or no longer) a readable database. */
const SQLITE_UNREADABLE_CODES: ReadonlySet<string> = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

export function isUnreadableDatabase(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && SQLITE_UNREADABLE_CODES.has(code)
}

/**
 * The embedded store's file cannot be read as a database. main.ts prints `message` alone (no
 * stack: nothing in it helps an operator) and exits with EXIT_UNREADABLE_STORE.
 */
export class UnreadableStoreError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `The embedded store ${file} is not a readable SQLite database (${cause instanceof Error ? cause.message : String(cause)}).\n` +
        `The server did not start and changed nothing. To recover: stop every server on this DATA_DIR, move the file\n` +
        `(and its -wal and -shm companions) aside, then restore a backup of all three into place, or start with an empty\n` +
        `DATA_DIR. See "Recovery" in docs/operations.md.`,
    )
    this.name = 'UnreadableStoreError'
  }
}

/** Exit status of a server that refused to start on an unreadable database file (sysexits' EX_DATAERR). */
export const EXIT_UNREADABLE_STORE = 65

/**
 * The database's schema version is newer than the migrations this code knows: a newer release
 * wrote it. Starting would run old code on a schema it does not know, so the server refuses;
 * main.ts prints `message` alone and exits with EXIT_NEWER_SCHEMA.
 */
export class NewerSchemaError extends Error {
  constructor(
    readonly where: string,
    readonly version: number,
    readonly latest: number,
  ) {
    super(
      `The schema of ${where} is at version ${version}, newer than this server knows (version ${latest}): a newer release wrote it.\n` +
        `The server did not start and changed nothing. Run that release (or a newer one) on it, or restore a backup taken\n` +
        `before the upgrade. See "Schema migrations" in docs/operations.md.`,
    )
    this.name = 'NewerSchemaError'
  }
}

/** Exit status of a server that refused to start on a schema newer than its code (sysexits' EX_NOINPUT slot, 66). */
export const EXIT_NEWER_SCHEMA = 66
