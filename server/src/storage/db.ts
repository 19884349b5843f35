/**
 * The one SQL seam. Queries are written once, in PostgreSQL's dialect with `$n`
 * placeholders; the SQLite driver translates. Domain code never sees a driver.
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlParam = string | number | bigint | boolean | null | Uint8Array;

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** Runs fn inside one transaction; rolls back if it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Serializes concurrent writers of one key across instances (advisory lock on PostgreSQL). */
  txLocked<T>(lockKey: string, fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error(`expected bytes from the database, got ${typeof value}`);
}
