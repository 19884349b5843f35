import type { Dialect } from './db.js';

/**
 * One schema for both drivers. The few type names that differ are substituted,
 * so a table added here exists on the embedded store and on PostgreSQL alike.
 * Statements are separated by blank-line-free `;` ends and run in order.
 */
const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { BYTES: 'BLOB', SERIAL: 'INTEGER PRIMARY KEY AUTOINCREMENT', BIGINT: 'INTEGER' },
  postgres: { BYTES: 'BYTEA', SERIAL: 'BIGSERIAL PRIMARY KEY', BIGINT: 'BIGINT' },
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc_id TEXT PRIMARY KEY,
  snapshot {BYTES} NOT NULL,
  updated_at {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq {SERIAL},
  doc_id TEXT NOT NULL,
  data {BYTES} NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc_seq ON doc_updates (doc_id, seq);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

export function schemaStatements(dialect: Dialect): string[] {
  const sql = SCHEMA.replace(/\{(\w+)\}/g, (_, name: string) => {
    const type = TYPES[dialect][name];
    if (!type) throw new Error(`schema type ${name} has no ${dialect} mapping`);
    return type;
  });
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
