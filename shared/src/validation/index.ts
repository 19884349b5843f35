export * from './api.js'
export * from './limits.js'
export * from './roles.js'
export { formatZodError, parseBody, type ParseResult } from './format.js'
