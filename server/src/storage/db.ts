/**
 * The one SQL seam. Queries are written once, in PostgreSQL's dialect with `$n`
 * placeholders; the SQLite driver translates. Domain code never sees a driver.
 */
export type Dialect = 'sqlite' | 'postgres'

export type SqlParam = string | number | bigint | boolean | null | Uint8Array

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<T[]>
}

/** Writes of the document log that must not run on the event loop (see sqlite-log-writer.ts). */
export interface DocLogWriter {
  /** Appends the rows in one transaction, in order. */
  append(rows: { docId: string; data: Uint8Array }[]): Promise<void>
  /**
   * Folds the document's log into its snapshot, after every append requested before it.
   * `snapshot`: the open document, encoded just now, which holds every row appended before
   * this call (single instance); it then replaces them without re-reading the log.
   */
  compact(docId: string, snapshot?: Uint8Array): Promise<void>
}

export type TxRunner = <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>

export interface Db extends Queryable {
  readonly dialect: Dialect
  /**
   * Set where the driver blocks the event loop (SQLite): the document store then sends its
   * log writes here. PostgreSQL's driver is asynchronous, so its store writes through `query`.
   */
  readonly docLog?: DocLogWriter
  /** Runs fn inside one transaction; rolls back if it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  /** Serializes concurrent writers of one key across instances (advisory lock on PostgreSQL). */
  txLocked<T>(lockKey: string, fn: (q: Queryable) => Promise<T>): Promise<T>
  /**
   * Holds the lock of `lockKey` across several transactions (`tx`), each committed on its own:
   * a session advisory lock on PostgreSQL, on one connection that also runs the transactions.
   * SQLite has one server process per DATA_DIR: there it is plain `tx`.
   */
  locked<T>(lockKey: string, fn: (tx: TxRunner) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  throw new Error(`expected bytes from the database, got ${typeof value}`)
}
