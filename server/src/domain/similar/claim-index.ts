import { normaliseTokens } from './normalise.js'

/** One claim in the index: where it is and what it says. */
export interface IndexedClaim {
  articleId: string
  articleTitle: string
  claimId: string
  quote: string
  verdict?: string
}

export interface SimilarClaim extends IndexedClaim {
  /** Cosine similarity of the TF-IDF vectors of the normalised words, 0..1 (three decimals). */
  score: number
}

interface Entry {
  claim: IndexedClaim
  /** Term weights of the normalised words and their bigrams. */
  terms: Map<string, number>
  norm: number
  normVersion: number
}

/** Terms held by more than this share of the claims (and COMMON_MIN claims) only rank, never find. */
const COMMON_SHARE = 0.05
const COMMON_MIN = 50

/** Below this a claim shares a word or two in passing, not a statement. */
export const MIN_SIMILARITY = 0.15

const BIGRAM_WEIGHT = 0.5

function termsOf(text: string): Map<string, number> {
  const tokens = normaliseTokens(text)
  const terms = new Map<string, number>()
  const add = (t: string, weight: number) => terms.set(t, (terms.get(t) ?? 0) + weight)
  for (let i = 0; i < tokens.length; i++) {
    add(tokens[i]!, 1)
    // Bigrams reward the same phrasing, at half the weight of a shared word.
    if (i > 0) add(`${tokens[i - 1]} ${tokens[i]}`, BIGRAM_WEIGHT)
  }
  return terms
}

/**
 * An inverted index over the claims of one workspace: term → the claims holding it.
 * Claims are added and removed per article, so an article's claims can be replaced when
 * its document changes. A lookup touches only the claims sharing a term with the query.
 */
export class ClaimIndex {
  private readonly byArticle = new Map<string, Entry[]>()
  private readonly postings = new Map<string, Set<Entry>>()
  private count = 0
  /** Moves on every change: cached norms older than it are recomputed. */
  private version = 0

  get size(): number {
    return this.count
  }

  /** Replaces everything indexed for the article. */
  setArticle(articleId: string, claims: readonly IndexedClaim[]): void {
    this.removeArticle(articleId)
    this.version++
    const entries = claims.map((claim): Entry => ({ claim, terms: termsOf(claim.quote), norm: 0, normVersion: -1 }))
    for (const entry of entries) {
      for (const term of entry.terms.keys()) {
        let set = this.postings.get(term)
        if (!set) this.postings.set(term, (set = new Set()))
        set.add(entry)
      }
    }
    this.byArticle.set(articleId, entries)
    this.count += entries.length
  }

  removeArticle(articleId: string): void {
    const entries = this.byArticle.get(articleId)
    if (!entries) return
    this.version++
    for (const entry of entries) {
      for (const term of entry.terms.keys()) {
        const set = this.postings.get(term)
        set?.delete(entry)
        if (set?.size === 0) this.postings.delete(term)
      }
    }
    this.byArticle.delete(articleId)
    this.count -= entries.length
  }

  hasArticle(articleId: string): boolean {
    return this.byArticle.has(articleId)
  }

  articleIds(): string[] {
    return [...this.byArticle.keys()]
  }

  /** The most similar claims to `quote` outside `excludeArticleId`, best first. */
  similar(quote: string, excludeArticleId: string, limit = 10): SimilarClaim[] {
    const query = termsOf(quote)
    const n = Math.max(1, this.count)
    const idf = (term: string) => Math.log(1 + n / ((this.postings.get(term)?.size ?? 0) + 1))
    const weighted: Array<[string, number, number]> = []
    let queryNorm = 0
    for (const [term, tf] of query) {
      const w = idf(term)
      queryNorm += (tf * w) ** 2
      weighted.push([term, tf, w])
    }
    if (queryNorm === 0) return []
    // Candidates come from the query's rarer terms (a term most claims hold finds nothing
    // in particular); each candidate is then scored on every query term, exactly.
    const common = Math.max(COMMON_MIN, n * COMMON_SHARE)
    const rare = weighted.filter(([term]) => (this.postings.get(term)?.size ?? 0) <= common)
    const candidates = new Set<Entry>()
    for (const [term] of rare.length > 0 ? rare : weighted) {
      for (const entry of this.postings.get(term) ?? [])
        if (entry.claim.articleId !== excludeArticleId) candidates.add(entry)
    }
    const results: SimilarClaim[] = []
    for (const entry of candidates) {
      let dot = 0
      for (const [term, tf, w] of weighted) {
        const d = entry.terms.get(term)
        if (d !== undefined) dot += tf * d * w * w
      }
      const score = dot / Math.sqrt(queryNorm * this.norm(entry, idf))
      if (score >= MIN_SIMILARITY) results.push({ ...entry.claim, score: Math.round(score * 1000) / 1000 })
    }
    results.sort(
      (a, b) =>
        b.score - a.score ||
        (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.claimId < b.claimId ? -1 : 1),
    )
    return results.slice(0, limit)
  }

  /** An entry's squared TF-IDF length, cached until the index next changes (IDF moves with it). */
  private norm(entry: Entry, idf: (term: string) => number): number {
    if (entry.normVersion === this.version) return entry.norm
    let norm = 0
    for (const [term, tf] of entry.terms) norm += (tf * idf(term)) ** 2
    entry.norm = norm
    entry.normVersion = this.version
    return norm
  }
}
