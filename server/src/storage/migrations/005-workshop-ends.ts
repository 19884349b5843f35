import type { Migration } from './types.js'
import { statements } from './sql.js'

/**
 * A workshop's countdown: `ends_at` the end a trainer set (null: none), `ended_at` when one
 * instance announced that end (the copies locked, `workshop-ended` went out), so several
 * instances reaching the same end announce it once.
 */
const SQL = `
ALTER TABLE workshops ADD COLUMN ends_at {BIGINT};
ALTER TABLE workshops ADD COLUMN ended_at {BIGINT};
CREATE INDEX IF NOT EXISTS workshops_pending_end ON workshops (ends_at) WHERE ends_at IS NOT NULL AND ended_at IS NULL;
`

export const workshopEnds: Migration = {
  version: 5,
  name: 'workshop-ends',
  statements: (dialect) => statements(SQL, dialect),
}
