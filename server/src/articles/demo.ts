import fs from 'node:fs'
import { DEMO_ARTICLE_TITLE } from '@fc/shared'

/** The seed article every new account's first workspace gets a copy of (its answer key: shared's DEMO_ANSWER_KEY). */
export const DEMO_TITLE = DEMO_ARTICLE_TITLE
export const SEED_ARTICLE_PATH = new URL('../../../shared/fixtures/seed-article.txt', import.meta.url)

export function readSeedArticle(): string {
  return fs.readFileSync(SEED_ARTICLE_PATH, 'utf8')
}
