import type { Access } from '../collab/connection.js'
import {
  ACCESS_REASONS,
  canWriteDocuments,
  CLOSE_FORBIDDEN,
  CLOSE_LOAD_FAILED,
  CLOSE_REASONS,
  CLOSE_UNAUTHENTICATED,
  CLOSE_UNKNOWN_DOC,
} from '@fc/shared'
import type { GateDecision, SocketGate } from '../collab/gate.js'
import { isTrainer } from '../domain/workshops.js'
import { roleIn } from '../domain/workspaces.js'
import { log } from '../log.js'
import { type DocumentOwners, cachedDocumentOwners } from './article-owners.js'
import type { GateCache } from './gate-cache.js'
import { checkSameOrigin } from './origin.js'
import type { AuthService, Caller } from './service.js'

const refuse = (code: number, reason: string): GateDecision => ({ ok: false, code, reason })

/**
 * The real gate: runs inside the upgrade request, before the socket opens.
 * Caller first (4401), then the document (4404), then access (4403).
 *
 * Two kinds of caller: an account (API token or session cookie) and a workshop
 * guest (guest cookie). A guest opens exactly one kind of document, their own
 * workshop copy, read/write until the trainer reveals the key and read-only after;
 * everything else is 4403 for them. Workspace members
 * open articles with their role (a viewer's updates are dropped), and the
 * workshop's trainers open its participants' copies with the same write
 * permission they have on the workspace's documents, so a role change or a
 * removal reaches those sockets like any other of the workspace (and a trainer
 * by role alone, demoted below it, is closed out as this gate would refuse them).
 *
 * `told` is what the socket's access message would say (role, or why it is locked):
 * the socket route tells it when a second decision corrects the first (admission.ts).
 */
export function createSocketGate(
  auth: AuthService,
  cache?: GateCache,
  documents: DocumentOwners = cachedDocumentOwners(),
): SocketGate {
  // The one lookup of the three that never goes stale (article-owners.ts); token and role are
  // remembered only until the next access change (gate-cache.ts), or read every time without a cache.
  const roleOf = cache
    ? (workspaceId: string, userId: string) => cache.role(workspaceId, userId)
    : (workspaceId: string, userId: string) => roleIn(auth.db, workspaceId, userId)
  return async (request, docId) => {
    try {
      const headers = request.headers
      const tokenParam = request.url.searchParams.get('token') ?? undefined
      const resolved = await auth.resolve(headers, tokenParam === '' ? undefined : tokenParam, cache?.token)
      if (resolved.kind === 'invalid') return refuse(CLOSE_UNAUTHENTICATED, CLOSE_REASONS.invalidCredential)
      const caller = resolved.kind === 'caller' ? resolved.caller : null
      const guest = await auth.guests.resolve(headers)
      if (!caller && guest.kind !== 'guest')
        return refuse(
          CLOSE_UNAUTHENTICATED,
          guest.kind === 'invalid' ? CLOSE_REASONS.invalidGuestSession : CLOSE_REASONS.notSignedIn,
        )

      // A page on another origin must not ride a cookie (account or guest) into a socket (cross-site socket hijacking).
      const sameOrigin = checkSameOrigin(headers, auth.originPolicy).ok
      const byCookie = caller ? caller.via === 'session' : true
      if (byCookie && !sameOrigin) return refuse(CLOSE_FORBIDDEN, CLOSE_REASONS.crossOrigin)
      // With a token from elsewhere, the guest cookie the browser attached grants nothing.
      const guestId = guest.kind === 'guest' && sameOrigin ? guest.guestId : null

      const doc = await documents.owner(auth.db, docId)
      if (!doc) return refuse(CLOSE_UNKNOWN_DOC, CLOSE_REASONS.unknownDocument)

      if (doc.kind === 'workshop-copy') {
        // Once the trainer reveals the key, or the end time passes, answers are final: the copy is
        // read-only for its participant (checked here too, so a socket opened before this
        // instance's clock locked the room is read-only already).
        if (guestId !== null && guestId === doc.guestId) {
          const locked = doc.revealed
            ? ACCESS_REASONS.workshopRevealed
            : doc.ended
              ? ACCESS_REASONS.workshopEnded
              : undefined
          const access: Access = { canWrite: locked === undefined, credentialId: guestId, workshopId: doc.workshopId }
          if (locked) access.lockedFor = locked
          return { ok: true, access, told: locked ? { reason: locked } : {} }
        }
        if (caller) {
          const role = await roleOf(doc.workspaceId, caller.user.id)
          if (role && isTrainer(role, caller.user.id, { createdBy: doc.workshopCreatedBy })) {
            const access = memberAccess(caller, doc.workspaceId, canWriteDocuments(role))
            // The creator trains it whatever their role; anyone else only while the role does.
            if (doc.workshopCreatedBy !== caller.user.id) access.trainerByRole = true
            return { ok: true, access, told: { role } }
          }
        }
        return refuse(CLOSE_FORBIDDEN, CLOSE_REASONS.noAccess)
      }

      if (!caller) return refuse(CLOSE_FORBIDDEN, CLOSE_REASONS.guestOwnCopyOnly)
      const role = await roleOf(doc.workspaceId, caller.user.id)
      if (!role) return refuse(CLOSE_FORBIDDEN, CLOSE_REASONS.noAccess)
      return { ok: true, access: memberAccess(caller, doc.workspaceId, canWriteDocuments(role)), told: { role } }
    } catch (err) {
      log('socket gate failed', { docId, error: String(err) })
      return refuse(CLOSE_LOAD_FAILED, CLOSE_REASONS.accessCheckFailed)
    }
  }
}

function memberAccess(caller: Caller, workspaceId: string, canWrite: boolean): Access {
  return { canWrite, userId: caller.user.id, workspaceId, credentialId: caller.credentialId }
}
