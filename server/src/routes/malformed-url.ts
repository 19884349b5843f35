import type { Context, MiddlewareHandler } from 'hono'

/** A percent-encoded path or query decoded, or undefined when its escapes are not valid UTF-8 (`%ff`, a cut `%E0%A4%A`). */
export function decodeUrlPart(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/** The 400 for a URL that does not decode. */
export const malformedUrl = (c: Context): Response => c.json({ error: 'malformed URL: invalid percent-encoding' }, 400)

/**
 * Refuses with 400 a request whose path or query does not decode, before any route sees it:
 * every route may then decode its part without a try, and bad input never becomes a 500.
 */
export function refuseMalformedUrls(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url)
    if (decodeUrlPart(url.pathname) === undefined || decodeUrlPart(url.search) === undefined) {
      return malformedUrl(c)
    }
    await next()
  }
}
