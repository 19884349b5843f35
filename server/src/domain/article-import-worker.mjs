// The import worker thread's entry (article-import-pool.ts). Plain JavaScript, like the storage
// workers, so it starts the same from the sources and from the compiled dist. Under tsx (tests,
// `pnpm dev`) the pool asks for tsx here: on Node 20 the parent's `--import tsx` hooks do not
// reach a worker's own imports.
import { workerData } from 'node:worker_threads'

if (workerData.typescript) (await import('tsx/esm/api')).register()
await import(workerData.entry)
