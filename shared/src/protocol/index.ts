/** The collaboration socket's contract, for the server and every client alike (docs/api.md). */
export * from './messages.js'
export * from './close-codes.js'
export * from './access-message.js'
export * from './events.js'
export * from './activity.js'
