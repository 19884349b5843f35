import { blocksFromText, docUpdateFromBlocks } from '../articles/body.js'
import { DEMO_TITLE, readSeedArticle } from '../articles/demo.js'
import type { Db } from '../storage/db.js'
import type { DocStore } from '../storage/doc-store.js'
import { createArticle } from './articles.js'
import { conflict } from './errors.js'
import { emailTaken, insertUser, type PublicUser } from './users.js'
import { insertWorkspace, type Workspace } from './workspaces.js'

let demoUpdate: Uint8Array | undefined

/** The seed article as one document update, encoded once per process. */
function demoDocumentUpdate(): Uint8Array {
  demoUpdate ??= docUpdateFromBlocks(blocksFromText(readSeedArticle()))
  return demoUpdate
}

export function firstWorkspaceName(name: string): string {
  return `${name}'s workspace`.slice(0, 100)
}

/**
 * A new account comes with its first workspace (the user as owner) holding a
 * fresh copy of the demo article under its own document id.
 */
export async function registerUser(
  db: Db,
  store: DocStore,
  input: { email: string; name: string; passwordHash: string },
): Promise<{ user: PublicUser; workspace: Workspace }> {
  const { user, workspace } = await db.tx(async (q) => {
    if (await emailTaken(q, input.email)) throw conflict('an account with this email already exists')
    const user = await insertUser(q, input)
    const workspace = await insertWorkspace(q, user.id, firstWorkspaceName(input.name))
    return { user, workspace }
  })
  await createArticle(db, store, {
    workspaceId: workspace.id,
    title: DEMO_TITLE,
    createdBy: user.id,
    format: 'demo',
    initialUpdate: demoDocumentUpdate(),
  })
  return { user, workspace }
}
