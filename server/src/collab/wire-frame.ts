/**
 * A complete, unmasked, binary WebSocket frame (RFC 6455 §5.2) around one message.
 *
 * A broadcast sends the same message to every socket of a room; `ws` would build a
 * header, spread an options object and cork/writev per recipient. Framing once and
 * writing the one buffer to each socket halves the work per recipient.
 */
export function binaryFrame(message: Uint8Array): Buffer {
  const length = message.byteLength
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = 0x82 // FIN + opcode 2 (binary)
  if (length < 126) {
    frame[1] = length
  } else if (length < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
    frame.writeUInt32BE(length >>> 0, 6)
  }
  frame.set(message, headerLength)
  return frame
}

let lastMessage: Uint8Array | undefined
let lastFrame: Buffer | undefined

/**
 * The frame of a message, built once per broadcast: a room hands the same message
 * object to each of its sockets in turn, so remembering the last one is enough.
 * Messages are never mutated after encoding, so identity is a safe key.
 */
export function frameOf(message: Uint8Array): Buffer {
  if (message !== lastMessage) {
    lastFrame = binaryFrame(message)
    lastMessage = message
  }
  return lastFrame!
}
