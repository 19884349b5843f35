/** Thrown by the document accessors; `code` lets callers map it to 404 vs 400. */
export class ClaimSchemaError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'invalid',
  ) {
    super(message)
    this.name = 'ClaimSchemaError'
  }
}
