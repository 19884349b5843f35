import type { Dialect } from '../db.js'

/**
 * Migrations are written once; the few type names that differ between the drivers are
 * substituted: `{BYTES}`, `{SERIAL}` (an auto-increment primary key) and `{BIGINT}`.
 * Statements end with `;` and run in order; no `;` may appear inside one (the split is naive).
 */
const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { BYTES: 'BLOB', SERIAL: 'INTEGER PRIMARY KEY AUTOINCREMENT', BIGINT: 'INTEGER' },
  postgres: { BYTES: 'BYTEA', SERIAL: 'BIGSERIAL PRIMARY KEY', BIGINT: 'BIGINT' },
}

export function statements(sql: string, dialect: Dialect): string[] {
  return sql
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      const type = TYPES[dialect][name]
      if (!type) throw new Error(`schema type ${name} has no ${dialect} mapping`)
      return type
    })
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
}
