/**
 * @fc/shared: pure TypeScript used by the browser and by Node alike; no I/O and no DOM.
 * Sub-modules can also be imported directly, e.g. `@fc/shared/validation/index`.
 */
export * from './schema/index.js'
export * from './export/index.js'
export * from './validation/index.js'
export * from './suggest/index.js'
export * from './workshop/index.js'
export * from './protocol/index.js'
export * from './review/index.js'
export { CONTEXT_CHARS, quoteAt, findQuote, type TextQuote, type TextRange } from './text/quote.js'
