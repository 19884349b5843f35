import { createHash, randomBytes } from 'node:crypto'

/** 128 random bits, URL- and document-id-safe ([A-Za-z0-9_-], 22 chars). */
export function newId(): string {
  return randomBytes(16).toString('base64url')
}

/** A high-entropy secret handed out once (API tokens, invite codes). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`
}

/**
 * Secrets are stored as SHA-256 only: they carry 192+ random bits, so a fast
 * hash suffices, and a leaked table does not leak usable credentials.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
