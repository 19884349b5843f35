import { parentPort } from 'node:worker_threads';
import { type ArticleBody, blocksFromBody } from './article-import.js';

/**
 * What an import worker thread runs (article-import-pool.ts starts it): reads one article body at a
 * time and posts back its blocks, or why they could not be read. The parsers run here, not on
 * the server's event loop, so a body they take minutes over is the pool's to stop.
 */
const port = parentPort!;

export interface ImportAnswer {
  blocks?: ReturnType<typeof blocksFromBody>['blocks'];
  format?: ReturnType<typeof blocksFromBody>['format'];
  /** The body could not be read: said to the client as a 400. */
  error?: string;
}

port.on('message', (body: ArticleBody) => {
  let answer: ImportAnswer;
  try {
    answer = blocksFromBody(body);
  } catch (err) {
    // marked recurses once per level of quote or list: 20,000 `>` overflow its stack.
    answer = { error: err instanceof RangeError ? 'nested too deeply to import' : 'could not be read' };
  }
  port.postMessage(answer);
});

// The parsers are loaded: the pool starts the clock on a body only from here.
port.postMessage('ready');
