/**
 * What domain functions throw when a request cannot be carried out. Routes map
 * the kind to a status (routes/http.ts); the domain knows nothing of HTTP.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media'
  | 'rate_limited'

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} not found`)
export const forbidden = (message: string): DomainError => new DomainError('forbidden', message)
export const conflict = (message: string): DomainError => new DomainError('conflict', message)
export const unauthenticated = (message: string): DomainError => new DomainError('unauthenticated', message)

/** A UNIQUE or PRIMARY KEY violation, on either driver. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
