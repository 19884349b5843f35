// Hocuspocus with its defaults and no extensions: nothing is stored (no Database/SQLite extension).
// Plain node, no loader, so its RSS is its own.
import { Server } from '@hocuspocus/server'

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true })
await server.listen()
