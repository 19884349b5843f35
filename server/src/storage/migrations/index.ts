import { initial } from './001-initial.js'
import { docQuarantine } from './002-doc-quarantine.js'
import { desk } from './003-desk.js'
import { history } from './004-history.js'
import { workshopEnds } from './005-workshop-ends.js'
import { notificationReason } from './006-notification-reason.js'
import type { Migration } from './types.js'

export type { Migration } from './types.js'

/** Every migration this code knows, in order. A new one is appended here (docs/operations.md). */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  docQuarantine,
  desk,
  history,
  workshopEnds,
  notificationReason,
]
