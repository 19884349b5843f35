import type { EventEmitter } from 'node:events'
import * as wsModule from 'ws'
import { describe, expect, it } from 'vitest'
import { binaryFrame, frameOf } from './wire-frame.js'

// ws exports its framing classes at runtime; @types/ws does not declare them.
interface FrameOptions {
  fin: boolean
  rsv1: boolean
  opcode: number
  mask: boolean
  readOnly: boolean
}
const { Sender, Receiver } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] }
  Receiver: new (options: { isServer: boolean }) => EventEmitter & { write(chunk: Buffer): void }
}

/** What ws itself would put on the wire for a server's binary message. */
function wsFrame(message: Uint8Array): Buffer {
  const parts = Sender.frame(Buffer.from(message), { fin: true, rsv1: false, opcode: 2, mask: false, readOnly: false })
  return Buffer.concat(parts)
}

describe('binaryFrame', () => {
  // The three header sizes of RFC 6455 and their boundaries.
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 300_000])('matches ws byte for byte for a %i-byte message', (size) => {
    const message = new Uint8Array(size).map((_, i) => (i * 7) & 0xff)
    expect(binaryFrame(message).equals(wsFrame(message))).toBe(true)
  })

  it('is read back by a ws receiver as the same binary message', async () => {
    const message = new Uint8Array(70_000).map((_, i) => i & 0xff)
    const receiver = new Receiver({ isServer: false })
    const got = new Promise<{ data: Buffer; isBinary: boolean }>((resolve) =>
      receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary })),
    )
    receiver.write(binaryFrame(message))
    const { data, isBinary } = await got
    expect(isBinary).toBe(true)
    expect(new Uint8Array(data)).toEqual(message)
  })
})

describe('frameOf', () => {
  it('frames a broadcast once and a new message anew', () => {
    const a = new Uint8Array([1, 2, 3])
    const b = new Uint8Array([1, 2, 3])
    expect(frameOf(a)).toBe(frameOf(a))
    expect(frameOf(b)).not.toBe(frameOf(a))
    expect(frameOf(b).equals(binaryFrame(b))).toBe(true)
  })
})
