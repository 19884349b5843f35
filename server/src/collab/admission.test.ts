import { describe, expect, it } from 'vitest';
import { acquireAccess } from './access-pool.js';
import { type Admission, settleAccess } from './admission.js';
import { Connection } from './connection.js';
import type { GateDecision } from './gate.js';
import { RoomRegistry } from './rooms.js';
import { emptyStore, RecordingPeer } from './test-doubles.testing.js';

const editor: Extract<GateDecision, { ok: true }> = { ok: true, access: { canWrite: true, userId: 'u', workspaceId: 'w', credentialId: 'c' }, told: { role: 'editor' } };
const as = (canWrite: boolean, role: string): GateDecision => ({ ok: true, access: { ...editor.access, canWrite }, told: { role } });

/** A socket admitted as an editor with the epoch before a change, now in its room; the gate answers in turn. */
async function admitted(answers: (() => GateDecision)[]) {
  const registry = new RoomRegistry(emptyStore, { onLocalUpdate: () => undefined });
  const peer = new RecordingPeer();
  const conn = new Connection(peer, acquireAccess({ ...editor.access, credentialId: `c-${Math.random()}` }));
  const epoch = registry.accessEpoch;
  registry.applyAccess({ kind: 'credential', credentialId: 'someone else' }); // the change it missed
  const room = await registry.join('doc', conn);
  peer.sent.length = 0;
  let asked = 0;
  const admission: Admission = { registry, gate: async () => answers[asked++]!(), request: { headers: new Headers(), url: new URL('http://x/') }, docId: 'doc', epoch, decision: editor };
  return { registry, peer, conn, settle: () => settleAccess(admission, conn, room), asked: () => asked };
}

describe('settling a socket’s access after admission', () => {
  it('applies and tells a decision that differs from the first', async () => {
    const s = await admitted([() => as(false, 'viewer')]);
    expect(await s.settle()).toBe(true);
    expect(s.conn.access.canWrite).toBe(false);
    expect(s.peer.sent).toHaveLength(2); // permission-denied, access
  });

  it('tells nothing when the second decision is the first', async () => {
    const s = await admitted([() => editor]);
    expect(await s.settle()).toBe(true);
    expect(s.peer.sent).toHaveLength(0);
  });

  it('closes with the decision’s code when refused now', async () => {
    const s = await admitted([() => ({ ok: false, code: 4403, reason: 'no access to this document' })]);
    expect(await s.settle()).toBe(false);
    expect(s.peer.closedWith).toBe(4403);
  });

  it('asks again when another change landed while it asked: the first answer may be stale', async () => {
    let registry: RoomRegistry;
    const s = await admitted([
      () => {
        registry.applyAccess({ kind: 'credential', credentialId: 'yet another' });
        return as(false, 'viewer');
      },
      () => as(true, 'checker'),
    ]);
    registry = s.registry;
    expect(await s.settle()).toBe(true);
    expect(s.asked()).toBe(2);
    expect(s.conn.access.canWrite).toBe(true);
    expect(s.peer.sent).toHaveLength(1); // access {checker}; never told viewer
  });
});
