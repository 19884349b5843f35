import { createTokenBody } from '@fc/shared'
import { Hono } from 'hono'
import { createApiToken, listApiTokens, revokeApiToken } from '../domain/tokens.js'
import { signedIn } from './access.js'
import { type ApiDeps, limitBody, requireCaller } from './http.js'
import { jsonBody } from './validate.js'

/** Personal API tokens (mounted at /api/tokens): shown once at creation, then only listed by name, and revocable. */
export function tokenRoutes({ config, db, access }: ApiDeps) {
  return new Hono()
    .post('/', limitBody(config.http.jsonMaxBytes), signedIn, jsonBody(createTokenBody), async (c) => {
      const { name } = c.req.valid('json')
      const { id, token } = await createApiToken(db, c.var.signedIn.user.id, name)
      return c.json({ token, id, name }, 201)
    })
    .get('/', async (c) => c.json(await listApiTokens(db, requireCaller(c).user.id)))
    .delete('/:tokenId', async (c) => {
      await revokeApiToken(db, access, requireCaller(c).user.id, c.req.param('tokenId'))
      return c.body(null, 204)
    })
}
