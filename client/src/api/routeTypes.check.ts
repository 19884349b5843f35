// Compile-time proof that the client follows the server's routes (`pnpm typecheck` runs
// `tsc -p client` over this file; nothing imports it, so no bundle carries it). Every
// `@ts-expect-error` below must stay an error: were `hc<ApiRoutes>` to lose the server's types
// (an `any`, a route mounted without its chain), the directive itself would fail the build.
// A route renamed, a body field retyped, a validator tightened or an answer reshaped on the
// server fails `tsc -p client` at the call in api/ that uses it, the way these lines do.

import { type Ok, client } from './api'
import type { Member } from './types'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const assert = <T extends true>(): T => true as T

/** Never called: the calls are here for the compiler only. */
export function routeTypeChecks(): void {
  const ws = client.api.workspaces[':id']

  // A path the server does not serve.
  // @ts-expect-error no GET /api/workspaces/:id/nothing
  void ws.nothing.$get({ param: { id: 'w' } })

  // A path parameter left out.
  // @ts-expect-error param.id is required
  void ws.members.$get({ param: {} })

  // A method the route does not have.
  // @ts-expect-error DELETE /api/workspaces/:id/members does not exist (members/:userId does)
  void ws.members.$delete({ param: { id: 'w' } })

  // A body the shared validator's type refuses: roles are ROLES only.
  // @ts-expect-error 'admin' is not a role
  void ws.invites.$post({ param: { id: 'w' }, json: { role: 'admin' } })

  // A body missing a required field (shared createWorkshopBody).
  // @ts-expect-error articleId is required
  void ws.workshops.$post({ param: { id: 'w' }, json: { title: 'Room' } })

  // A query of the paged lists is strings, as the URL carries them.
  // @ts-expect-error limit is a string in the query
  void client.api.articles[':id'].versions.$get({ param: { id: 'a' }, query: { limit: 30 } })

  // Answers are the handlers' own types.
  type Members = Ok<Awaited<ReturnType<typeof ws.members.$get>>>
  assert<Equal<Members[number]['role'], Member['role']>>()
  type Me = Ok<Awaited<ReturnType<typeof client.api.me.$get>>>
  assert<Equal<keyof Me['user'], 'id' | 'email' | 'name'>>()
  // @ts-expect-error the user the server answers with has no password hash
  assert<Equal<keyof Me['user'], 'id' | 'email' | 'name' | 'passwordHash'>>()
  // An empty answer (204) reads as null.
  type Removed = Ok<Awaited<ReturnType<(typeof ws.members)[':userId']['$delete']>>>
  assert<Equal<Removed, null>>()
}
