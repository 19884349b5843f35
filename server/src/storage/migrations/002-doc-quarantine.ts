import type { Migration } from './types.js'
import { statements } from './sql.js'

/**
 * `doc_quarantine` holds stored document rows (a log update or a snapshot) whose bytes no longer
 * decode, moved aside by the store so the rest of the document still opens (quarantine.ts).
 * `seq` is the log row's, null for a snapshot. Added after 45c3936; IF NOT EXISTS because a
 * database made by the code between that release and numbered migrations already has it.
 */
const SQL = `
CREATE TABLE IF NOT EXISTS doc_quarantine (
  id {SERIAL},
  doc_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('update', 'snapshot')),
  seq {BIGINT},
  data {BYTES} NOT NULL,
  error TEXT NOT NULL,
  quarantined_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_quarantine_doc ON doc_quarantine (doc_id);
`

export const docQuarantine: Migration = {
  version: 2,
  name: 'doc-quarantine',
  statements: (dialect) => statements(SQL, dialect),
}
