import type { Access } from '../connection.js'

interface Entry {
  access: Access
  key: string
  sockets: number
}

const entries = new Map<string, Entry>()
const entryOf = new WeakMap<Access, Entry>()

/**
 * One Access object per (user, workspace, credential, workshop, write, trainer by role) among open sockets:
 * a user's tabs, a bot's many sockets, share it instead of each holding its own
 * copies of the same ids (memory per connection is a benchmark target).
 * Sharing is also what a role change wants: RoomRegistry.applyAccess flips
 * `canWrite` on the object, and every socket of that member sees it at once.
 */
export function acquireAccess(access: Access): Access {
  // A guest's sockets share per workshop only: one workshop's reveal must not lock their copy in another.
  // A trainer's sockets on copies apart from their articles': a demotion closes only the former.
  const key = `${access.userId ?? ''}\u0000${access.workspaceId ?? ''}\u0000${access.credentialId ?? ''}\u0000${access.workshopId ?? ''}\u0000${access.canWrite ? 1 : 0}${access.trainerByRole ? 't' : ''}`
  let entry = entries.get(key)
  if (!entry) {
    entry = { access, key, sockets: 0 }
    entries.set(key, entry)
    entryOf.set(access, entry)
  }
  entry.sockets++
  return entry.access
}

export function releaseAccess(access: Access): void {
  const entry = entryOf.get(access)
  if (!entry || --entry.sockets > 0) return
  entries.delete(entry.key)
  entryOf.delete(access)
}
