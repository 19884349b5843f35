// The floor: a plain `ws` server that forwards every frame of a room (the URL path) to the
// room's other sockets. No Yjs, no storage, no auth. The one thing it answers itself is a
// client's sync step 1, with a constant empty step 2, because a y-websocket client (stock or
// raw) counts as synced only once it has one; forwarding step 1 to the room instead would
// make every peer answer the whole room. Plain node, no loader, so its RSS is its own.
import http from 'node:http'
import { WebSocketServer } from 'ws'

// [messageSync, syncStep2, length 2, empty update (0 structs, 0 deletes)]
const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0])
const rooms = new Map()

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
wss.on('connection', (ws, req) => {
  const room = (req.url ?? '/').split('?')[0]
  let peers = rooms.get(room)
  if (!peers) rooms.set(room, (peers = new Set()))
  peers.add(ws)
  ws.on('message', (data, isBinary) => {
    if (data[0] === 0 && data[1] === 0) {
      ws.send(EMPTY_STEP2)
      return
    }
    for (const peer of peers) if (peer !== ws && peer.readyState === 1) peer.send(data, { binary: isBinary })
  })
  ws.on('close', () => {
    peers.delete(ws)
    if (peers.size === 0) rooms.delete(room)
  })
  ws.on('error', () => ws.terminate())
})
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
server.listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
