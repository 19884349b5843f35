import fs from 'node:fs';

/** The seed article every new account's first workspace gets a copy of. */
export const DEMO_TITLE = 'BLA claims 84 security personnel killed in “Operation Herof Phase II”';
export const SEED_ARTICLE_PATH = new URL('../../../shared/fixtures/seed-article.txt', import.meta.url);

export function readSeedArticle(): string {
  return fs.readFileSync(SEED_ARTICLE_PATH, 'utf8');
}
