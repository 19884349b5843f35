import { parentPort } from 'node:worker_threads'
import { docUpdateFromBlocks } from '../articles/body.js'
import { type ArticleBody, type BodyFormat, blocksFromBody } from './article-import.js'

/**
 * What an import worker thread runs (article-import-pool.ts starts it): reads one article body at a
 * time and posts back the new document's first update, or why the body could not be read. The
 * parsers and the Yjs encoding run here, not on the server's event loop (500,000 one-line
 * paragraphs took 13 s to encode), so a body that takes too long is the pool's to stop.
 */
const port = parentPort!

export type ImportAnswer =
  | { format: BodyFormat /** The document holding the body; absent when it has no blocks. */; update?: Uint8Array }
  /** The body could not be read: said to the client as a 400. */
  | { error: string }

port.on('message', (body: ArticleBody) => {
  let answer: ImportAnswer
  try {
    const { blocks, format } = blocksFromBody(body)
    answer = blocks.length > 0 ? { format, update: docUpdateFromBlocks(blocks) } : { format }
  } catch (err) {
    // marked recurses once per level of quote or list: 20,000 `>` overflow its stack.
    const tooDeep = err instanceof RangeError && /call stack/i.test(err.message)
    answer = { error: tooDeep ? 'nested too deeply to import' : 'could not be read' }
  }
  // The update's bytes move to the main thread instead of being copied.
  port.postMessage(answer, 'update' in answer && answer.update ? [answer.update.buffer as ArrayBuffer] : [])
})

// The parsers are loaded: the pool starts the clock on a body only from here.
port.postMessage('ready')
