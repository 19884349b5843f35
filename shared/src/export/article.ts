/** What the exports need to know about an article besides its claims. */
export interface ArticleMeta {
  id: string
  title: string
  /** The article's page in this app; annotation targets and default review URLs hang off it. */
  url: string
  /** Where the checked text was originally published, when known. */
  sourceUrl?: string
  /** Who made the claims (the article's author or outlet), when known. */
  claimAuthor?: { name: string; type?: 'Person' | 'Organization'; url?: string }
  /** When the original text was published (ISO date or time), when known. */
  publishedAt?: string
}

/** An evidence link the exports refused to emit, so the caller can flag or log it. */
export interface RefusedUrl {
  claimId: string
  evidenceId: string
  url: string
}
