import fs from 'node:fs';
import type { Db } from '../storage/db.js';
import type { DocStore } from '../storage/doc-store.js';
import { blocksFromText, docUpdateFromBlocks } from './body.js';

export const DEMO_DOC_ID = 'demo';
export const DEMO_TITLE = 'BLA claims 84 security personnel killed in “Operation Herof Phase II”';
export const SEED_ARTICLE_PATH = new URL('../../../shared/fixtures/seed-article.txt', import.meta.url);

export function readSeedArticle(): string {
  return fs.readFileSync(SEED_ARTICLE_PATH, 'utf8');
}

/** On a fresh data directory, the seed article becomes the demo document (once, ever). */
export async function ensureDemoDocument(db: Db, store: DocStore): Promise<void> {
  const seeded = await db.query('SELECT value FROM meta WHERE key = $1', ['demo_seeded']);
  if (seeded.length > 0) return;
  store.appendUpdate(DEMO_DOC_ID, docUpdateFromBlocks(blocksFromText(readSeedArticle())));
  await store.flush();
  await db.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', ['demo_seeded', new Date().toISOString()]);
}
