import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { ACCESS_REASONS, encodeAccessMessage, encodePermissionDenied, readAuthMessage } from './access-message.js'
import { ACCESS_CLOSE_CODES, CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, CLOSE_UNKNOWN_DOC } from './close-codes.js'
import { MESSAGE_AUTH } from './messages.js'

/** What a provider's auth handler is given: the frame after its message type. */
function afterType(frame: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(frame)
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_AUTH)
  return decoder
}

describe('access message codec', () => {
  it('reads back what it writes, role and reason included, and nothing else', () => {
    const read = (state: Parameters<typeof encodeAccessMessage>[0]) =>
      readAuthMessage(afterType(encodeAccessMessage(state)))
    expect(read({ canWrite: false, role: 'viewer' })).toEqual({
      kind: 'access',
      access: { canWrite: false, role: 'viewer' },
    })
    expect(read({ canWrite: false, reason: ACCESS_REASONS.workshopRevealed })).toEqual({
      kind: 'access',
      access: { canWrite: false, reason: 'workshop-revealed' },
    })
    // A reason this version does not name still travels: new reasons need no codec change.
    expect(read({ canWrite: false, reason: 'storage-full' })).toEqual({
      kind: 'access',
      access: { canWrite: false, reason: 'storage-full' },
    })
    expect(read({ canWrite: true, extra: 1 } as never)).toEqual({ kind: 'access', access: { canWrite: true } })
  })

  it('reads permission-denied', () => {
    expect(readAuthMessage(afterType(encodePermissionDenied('read-only')))).toEqual({
      kind: 'permission-denied',
      reason: 'read-only',
    })
  })

  it('names the access close codes', () => {
    expect([...ACCESS_CLOSE_CODES]).toEqual([CLOSE_UNAUTHENTICATED, CLOSE_FORBIDDEN, CLOSE_UNKNOWN_DOC])
    expect([CLOSE_UNAUTHENTICATED, CLOSE_FORBIDDEN, CLOSE_UNKNOWN_DOC]).toEqual([4401, 4403, 4404])
  })
})
