import { createTokenBody } from '@fc/shared'
import { Hono } from 'hono'
import { createApiToken, listApiTokens, revokeApiToken } from '../domain/tokens.js'
import { type ApiDeps, limitBody, readJson, requireCaller } from './http.js'

/** Personal API tokens: shown once at creation, then only listed by name, and revocable. */
export function tokenRoutes({ config, db, access }: ApiDeps): Hono {
  const app = new Hono()

  app.post('/api/tokens', limitBody(config.http.jsonMaxBytes), async (c) => {
    const caller = requireCaller(c)
    const { name } = await readJson(c, createTokenBody)
    const { id, token } = await createApiToken(db, caller.user.id, name)
    return c.json({ token, id, name }, 201)
  })

  app.get('/api/tokens', async (c) => c.json(await listApiTokens(db, requireCaller(c).user.id)))

  app.delete('/api/tokens/:tokenId', async (c) => {
    await revokeApiToken(db, access, requireCaller(c).user.id, c.req.param('tokenId'))
    return c.body(null, 204)
  })

  return app
}
