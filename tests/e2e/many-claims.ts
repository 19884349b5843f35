import { getBodyText, markClaimAtText, setClaimField, setVerdict, type VerdictId } from '@fc/shared'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, type Signed } from './fixtures'
import { stockClient } from './stock-client'

/*
 * Articles with many claims, made over the API and written by a stock y-websocket client
 * under an API token, as a bot would: faster than marking claims through the page, and the
 * same claims the page would make (the shared schema's markClaimAtText).
 */

export const SEED = readFileSync(
  fileURLToPath(new URL('../../shared/fixtures/seed-article.txt', import.meta.url)),
  'utf8',
)

export interface SeededArticle {
  id: string
  docId: string
  /** An API token of the owner's, for a stock client. */
  token: string
}

/** A new article in the owner's first workspace: the seed article's text `repeats` times. */
export async function seedArticle(
  owner: Signed,
  title: string,
  repeats: number,
  sourceUrl?: string,
): Promise<SeededArticle> {
  const [workspace] = (await (await owner.api.get('/api/workspaces')).json()) as Array<{ id: string }>
  const created = await owner.api.post(`/api/workspaces/${workspace!.id}/articles`, {
    data: {
      title,
      text: Array.from({ length: repeats }, () => SEED).join('\n\n'),
      ...(sourceUrl ? { sourceUrl } : {}),
    },
  })
  expect(created.status()).toBe(201)
  const article = (await created.json()) as { id: string; docId: string }
  const { token } = (await (await owner.api.post('/api/tokens', { data: { name: 'seeder' } })).json()) as {
    token: string
  }
  return { ...article, token }
}

/** What a seeded claim is, besides where: given per claim by its index. */
export interface SeededFields {
  verdict?: VerdictId
  /** Needed with a verdict; a draft without one. */
  rationale?: string
  claimant?: string
  assignee?: string
}

export interface SeededClaim {
  id: string
  /** Its words, and which occurrence of them in the text they are. */
  quote: string
  nth: number
}

/**
 * Marks claims at the given stretches of the body text (`[from, to)` of getBodyText), in one
 * transaction, each with the fields `fields(i)` gives; returns them in the order given.
 */
export async function markClaims(
  article: SeededArticle,
  createdBy: string,
  stretches: (text: string) => Array<{ from: number; to: number }>,
  fields: (index: number) => SeededFields = () => ({}),
): Promise<SeededClaim[]> {
  const bot = await stockClient(article.docId, article.token)
  try {
    const text = getBodyText(bot.doc)
    const claims: SeededClaim[] = []
    bot.doc.transact(() => {
      stretches(text).forEach(({ from, to }, i) => {
        const id = markClaimAtText(bot.doc, from, to, { createdBy })
        const { verdict, rationale, claimant, assignee } = fields(i)
        if (verdict !== undefined) setVerdict(bot.doc, id, verdict, rationale ?? 'From the ministry’s own figures.')
        else if (rationale !== undefined) setClaimField(bot.doc, id, 'rationale', rationale)
        if (claimant !== undefined) setClaimField(bot.doc, id, 'claimant', claimant)
        if (assignee !== undefined) setClaimField(bot.doc, id, 'assignee', assignee)
        const quote = text.slice(from, to)
        let nth = 0
        for (let at = text.indexOf(quote); at >= 0 && at < from; at = text.indexOf(quote, at + 1)) nth++
        claims.push({ id, quote, nth })
      })
    })
    // Let the server take the whole update before the socket goes.
    await new Promise((r) => setTimeout(r, 1_500))
    return claims
  } finally {
    bot.close()
  }
}

/** The body's sentences (one claim each), the first `count` of them. */
export function sentences(count: number): (text: string) => Array<{ from: number; to: number }> {
  return (text) => {
    const found = [...text.matchAll(/[A-Z][^.!?\n]{20,160}[.!?]/g)].slice(0, count)
    expect(found.length).toBe(count)
    return found.map((m) => ({ from: m.index!, to: m.index! + m[0].length - 1 }))
  }
}
