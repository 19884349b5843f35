import { startPlainNode } from './plain-node.js'
import type { ServerHandle } from './types.js'

export function startHocuspocus(): Promise<ServerHandle> {
  return startPlainNode({
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    main: 'hocuspocus.main.mjs',
    notes: ['@hocuspocus/server 4.6.0, no extensions (nothing stored)'],
  })
}

/** One of several Hocuspocus instances sharing `redisUrl` through its Redis extension (scale-out rows). */
export function startHocuspocusRedis(redisUrl: string, prefix: string): Promise<ServerHandle> {
  return startPlainNode({
    name: 'hocuspocus',
    protocol: 'hocuspocus',
    main: 'hocuspocus-redis.main.mjs',
    env: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix },
    notes: ['@hocuspocus/server 4.6.0 + @hocuspocus/extension-redis 4.6.0, documents in memory'],
  })
}
