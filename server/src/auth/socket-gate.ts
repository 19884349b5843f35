import { CLOSE_FORBIDDEN, CLOSE_LOAD_FAILED, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC, type SocketGate } from '../collab/gate.js';
import { workspaceOfDocument } from '../domain/documents.js';
import { canWriteDocuments } from '../domain/roles.js';
import { roleIn } from '../domain/workspaces.js';
import { log } from '../log.js';
import { checkSameOrigin } from './origin.js';
import type { AuthService } from './service.js';

/**
 * The real gate: runs inside the upgrade request, before the socket opens.
 * Caller first (4401), then the document (4404), then membership (4403);
 * a viewer gets a read-only connection (the room drops what it sends).
 */
export function createSocketGate(auth: AuthService): SocketGate {
  return async (request, docId) => {
    try {
      const headers = request.headers;
      const tokenParam = request.url.searchParams.get('token') ?? undefined;
      const resolved = await auth.resolve(headers, tokenParam === '' ? undefined : tokenParam);
      if (resolved.kind !== 'caller') {
        return { ok: false, code: CLOSE_UNAUTHENTICATED, reason: resolved.kind === 'invalid' ? 'invalid session or token' : 'not signed in' };
      }
      const { caller } = resolved;
      if (caller.via === 'session') {
        // A page on another origin must not ride the user's cookie into a socket (cross-site socket hijacking).
        const origin = checkSameOrigin(headers, auth.originPolicy);
        if (!origin.ok) return { ok: false, code: CLOSE_FORBIDDEN, reason: 'cross-origin socket refused' };
      }
      const doc = await workspaceOfDocument(auth.db, docId);
      if (!doc) return { ok: false, code: CLOSE_UNKNOWN_DOC, reason: 'unknown document' };
      const role = await roleIn(auth.db, doc.workspaceId, caller.user.id);
      if (!role) return { ok: false, code: CLOSE_FORBIDDEN, reason: 'no access to this document' };
      return { ok: true, access: { canWrite: canWriteDocuments(role), userId: caller.user.id, workspaceId: doc.workspaceId, credentialId: caller.credentialId } };
    } catch (err) {
      log('socket gate failed', { docId, error: String(err) });
      return { ok: false, code: CLOSE_LOAD_FAILED, reason: 'could not check access' };
    }
  };
}
