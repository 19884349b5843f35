import { randomBytes } from 'node:crypto'

/**
 * Join codes are read off a projector and typed on phones: 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), about 40 random bits. Unguessable
 * for the hours a workshop runs; not a long-lived secret, so it is stored as is
 * (trainers read it back).
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 8
// Bytes at or above this would bias the modulo toward the first characters.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length)

export function newJoinCode(): string {
  let code = ''
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte < UNBIASED_LIMIT && code.length < JOIN_CODE_LENGTH) code += ALPHABET[byte % ALPHABET.length]
    }
  }
  return code
}

/** What people type: any case, with spaces or dashes ("abcd-efgh"). Null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, '')
  return code.length === JOIN_CODE_LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) ? code : null
}
