import type { MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { readJson, readQuery } from './http.js'

/**
 * Validator middleware of the API: what a route declares here is checked before its handler
 * runs, answered 400 `{error}` naming the first offending field (413 for a body over budget),
 * and read in the handler with `c.req.valid('json' | 'query')`. Its input type is what
 * `hc<ApiRoutes>` (client/src/api) sends, so a changed schema changes the client's types too.
 *
 * Not Hono's own `validator('json')`: that one skips a body whose Content-Type is not JSON, and
 * reads it whole before the budget is counted. These parse any body as JSON, within budget.
 *
 * A route whose access must be refused before its body is looked at (401, 403, 404 first, as
 * docs/api.md orders them) puts its access middleware before these.
 */
export function jsonBody<S extends z.ZodType>(
  schema: S,
  options: { emptyAs?: unknown } = {},
  // biome-ignore lint/suspicious/noExplicitAny: the env of whichever route uses it, as Hono's own validator does
): MiddlewareHandler<any, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    c.req.addValidatedData('json', (await readJson(c, schema, options)) as object)
    await next()
  }
}

/** The query string (one value per name) against a schema of strings; a failure is a 400 naming the parameter. */
export function queryOf<S extends z.ZodType<unknown, Record<string, string | undefined>>>(
  schema: S,
  // biome-ignore lint/suspicious/noExplicitAny: as above
): MiddlewareHandler<any, string, { in: { query: z.input<S> }; out: { query: z.output<S> } }> {
  return async (c, next) => {
    c.req.addValidatedData('query', readQuery(c, schema) as object)
    await next()
  }
}
