// y-websocket drops a connection that has heard nothing for 30 s, and the host answers no
// awareness messages: so while connected, ask the host every 10 s for what we lack (a Yjs sync
// step 1 with our state vector). Its answer is a few bytes when nothing is missing, and keeps
// the connection from being torn down and rebuilt while a participant simply reads.
import * as Y from 'yjs'

const EVERY_MS = 10000

function varUint (n, out) {
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f))
    n = Math.floor(n / 128)
  }
  out.push(n)
}

/** The y-protocols message [sync, step 1, state vector]. */
export function syncStep1 (doc) {
  const vector = Y.encodeStateVector(doc)
  const head = [0, 0]
  varUint(vector.length, head)
  const message = new Uint8Array(head.length + vector.length)
  message.set(head, 0)
  message.set(vector, head.length)
  return message
}

export function keepAlive (provider) {
  return setInterval(() => {
    const ws = provider.ws
    if (provider.wsconnected && ws && ws.readyState === WebSocket.OPEN) ws.send(syncStep1(provider.doc))
  }, EVERY_MS)
}
