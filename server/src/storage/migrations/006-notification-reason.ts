import type { Migration } from './types.js'
import { statements } from './sql.js'

/**
 * Why a review was requested, on the notification that says so: `requested` (someone asked) or
 * `changed-after-approval` (an approved claim changed and went back to review), so the inbox can
 * word the two apart. Null on other kinds and on notifications made before this column.
 */
const SQL = `
ALTER TABLE notifications ADD COLUMN reason TEXT;
`

export const notificationReason: Migration = {
  version: 6,
  name: 'notification-reason',
  statements: (dialect) => statements(SQL, dialect),
}
