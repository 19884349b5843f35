export * from './transitions.js'
export * from './types.js'
