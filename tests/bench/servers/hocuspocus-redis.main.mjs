// Hocuspocus scaled out as its docs do it: @hocuspocus/extension-redis, one instance of this per
// process, all on one Redis; documents in memory (no storage extension), as in hocuspocus.main.mjs.
// REDIS_PREFIX keeps one bench run's channels apart from any other user of that Redis.
import { Redis } from '@hocuspocus/extension-redis'
import { Server } from '@hocuspocus/server'

const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Redis({
      host: redis.hostname,
      port: Number(redis.port || 6379),
      prefix: process.env.REDIS_PREFIX ?? 'hocuspocus-bench',
      identifier: `bench-${process.pid}`,
    }),
  ],
})
await server.listen()
