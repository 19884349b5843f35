/**
 * y-websocket message types: the first varuint of every frame. y-websocket's server and its
 * WebsocketProvider use the same numbers (docs/api.md, "Collaboration socket").
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/** y-protocols sync sub-types: the second varuint of a MESSAGE_SYNC frame. */
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/**
 * Sub-types of the auth message (MESSAGE_AUTH). y-protocols defines only 0, permission
 * denied; 1 is ours (access-message.ts). Stock clients (y-protocols `readAuthMessage`)
 * ignore a sub-type they do not know, so a stock bot is never broken by it.
 */
export const AUTH_PERMISSION_DENIED = 0
export const AUTH_ACCESS = 1
