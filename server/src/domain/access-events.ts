import type { AccessChange } from '../collab/access/access-change.js'

export type { AccessChange } from '../collab/access/access-change.js'

/**
 * Where the domain commands that change who may open what (role change, member removal,
 * reveal, workshop deletion, token revocation, logout, leaving a workshop) tell it, once
 * their transaction has committed. Wired once, in app.ts: the room registry applies each
 * change to the open sockets here and announces it to the other instances.
 */
export interface AccessEvents {
  changed(change: AccessChange): void
  /**
   * Resolves once the rooms the changes so far emptied have unloaded on this instance
   * (flushed what they held): only then may their documents be dropped from storage.
   */
  settled(): Promise<void>
}

/**
 * A session or guest session ends (logout, leaving a workshop): `end` ends it and returns
 * its id (null: there was none), then its open sockets close everywhere (4401).
 */
export async function endCredential(access: AccessEvents, end: () => Promise<string | null>): Promise<string | null> {
  const credentialId = await end()
  if (credentialId) access.changed({ kind: 'credential', credentialId })
  return credentialId
}
