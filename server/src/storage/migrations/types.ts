import type { Dialect } from '../db.js'

/** One numbered step of the schema. Never edit one that has been released: add the next. */
export interface Migration {
  /** 1, 2, 3, … in the order they run; recorded in schema_migrations. */
  readonly version: number
  /** Short kebab-case, the file name after the number (`002-doc-quarantine.ts` → `doc-quarantine`). */
  readonly name: string
  /** The statements for this driver, run in order inside one transaction. */
  statements(dialect: Dialect): string[]
}
