import { type ArticleReview, getBodyText, markClaimAtText, setVerdict, type VerdictId } from '@fc/shared'
import { type Account, call, createArticle, join, signUp } from '../support/accounts.js'
import type * as Y from 'yjs'
import { connectClient, eventually } from '../support/clients.js'
import type { TestServer } from '../support/server.js'

export interface DeskTeam {
  owner: Account
  editor: Account
  checker: Account
  viewer: Account
  article: { id: string; docId: string; title: string }
}

/**
 * A workspace with one member of each role below its owner and one article (the owner's).
 * `roles` limits who is signed up (each signup costs a scrypt): the others are left out.
 */
export async function deskTeam(
  server: Pick<TestServer, 'httpUrl'>,
  roles: ReadonlyArray<'editor' | 'checker' | 'viewer'> = ['editor', 'checker', 'viewer'],
  text = 'The minister said 40% of roads were repaired. Critics said only 12 bridges were built.',
): Promise<DeskTeam> {
  const owner = await signUp(server, 'owner')
  const team = { owner } as DeskTeam
  for (const role of roles) {
    const member = await signUp(server, role)
    await join(server, owner, owner.workspaceId, member, role)
    team[role] = member
  }
  team.article = await createArticle(server, owner, owner.workspaceId, {
    title: 'Roads and bridges',
    text,
    sourceUrl: 'https://news.example/roads',
  })
  return team
}

/** Marks a claim over the socket as `who`, optionally with a verdict, and waits until the server's review lists it. */
export async function markClaim(
  server: Pick<TestServer, 'httpUrl' | 'wsUrl'>,
  who: Account,
  article: DeskTeam['article'],
  options: { quote?: string; verdict?: VerdictId; rationale?: string } = {},
): Promise<string> {
  const client = connectClient(server, article.docId, { token: who.token })
  try {
    await client.synced
    const text = getBodyText(client.doc)
    const quote = options.quote ?? '40% of roads were repaired'
    const from = text.indexOf(quote)
    if (from < 0) throw new Error(`"${quote}" is not in the article`)
    const claimId = markClaimAtText(client.doc, from, from + quote.length, { createdBy: who.user.id })
    if (options.verdict)
      setVerdict(client.doc, claimId, options.verdict, options.rationale ?? 'The ministry’s own figures say otherwise.')
    await eventually(
      async () => {
        const review = await call(server, `/api/articles/${article.id}/review`, { token: who.token })
        return review.body.claims?.some(
          (c: { claimId: string; verdict: string | null }) =>
            c.claimId === claimId && c.verdict === (options.verdict ?? null),
        )
      },
      5000,
      'the server to have the claim',
    )
    return claimId
  } finally {
    client.destroy()
  }
}

/** The server's review of an article, as `who` reads it. */
export async function reviewOf(
  server: Pick<TestServer, 'httpUrl'>,
  who: Account,
  articleId: string,
): Promise<ArticleReview> {
  const res = await call<ArticleReview>(server, `/api/articles/${articleId}/review`, { token: who.token })
  if (res.status !== 200) throw new Error(`review: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export const stateOf = async (server: Pick<TestServer, 'httpUrl'>, who: Account, articleId: string, claimId: string) =>
  (await reviewOf(server, who, articleId)).claims.find((c) => c.claimId === claimId)?.state

/** Edits the document over a stock socket as `who`, then waits until `applied` holds on the server. */
export async function editOverSocket(
  server: Pick<TestServer, 'wsUrl'>,
  who: Account,
  docId: string,
  edit: (doc: Y.Doc) => void,
  applied: () => Promise<boolean>,
): Promise<void> {
  const client = connectClient(server, docId, { token: who.token })
  try {
    await client.synced
    edit(client.doc)
    await eventually(applied, 5000, 'the server to apply the edit')
  } finally {
    client.destroy()
  }
}
