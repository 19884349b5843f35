import type { z } from 'zod'

/**
 * One line for an API error body, naming each offending field:
 * "password: must be at least 10 characters; email: is required". Issues about the body as
 * a whole carry no field name.
 */
export function formatZodError(error: z.ZodError): string {
  const messages = error.issues.map((issue) => {
    const path = formatPath(issue.path)
    const message = describeIssue(issue)
    return path === '' ? message : `${path}: ${message}`
  })
  return [...new Set(messages)].join('; ')
}

export type ParseResult<T> = { success: true; data: T } | { success: false; error: string }

/** safeParse with the error already formatted for `{"error": ...}`. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input)
  return result.success ? { success: true, data: result.data } : { success: false, error: formatZodError(result.error) }
}

/** "claims[2].verdict" */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // Schemas from elsewhere may keep zod's default wording; a missing field reads better so.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'is required'
  return issue.message
}
