import fs from 'node:fs/promises'
import path from 'node:path'
import { Hono } from 'hono'
import { decodeUrlPart, malformedUrl } from './malformed-url.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** The built web client, with every unknown non-API path answered by index.html (the app routes itself). */
export function staticRoutes(distDir: string): Hono {
  const app = new Hono()
  app.get('*', async (c) => {
    // The app-wide check refuses these first; this route must not 500 whoever mounts it.
    const urlPath = decodeUrlPart(new URL(c.req.url).pathname)
    if (urlPath === undefined) return malformedUrl(c)
    if (urlPath.startsWith('/api/') || urlPath.startsWith('/collab/')) return c.json({ error: 'not found' }, 404)
    const file = path.join(distDir, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''))
    if (file.startsWith(distDir + path.sep)) {
      const body = await fs.readFile(file).catch(() => undefined)
      if (body) {
        const immutable = urlPath.startsWith('/assets/')
        return c.body(body, 200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        })
      }
    }
    const index = await fs.readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => undefined)
    if (!index)
      return c.text('The web client is not built yet: run `pnpm build` (or `pnpm start`, which builds it).', 503)
    return c.html(index, 200, { 'cache-control': 'no-cache' })
  })
  return app
}
