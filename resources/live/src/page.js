// The participant's page: join with the PIN, then sync the session document with the host over
// y-websocket and draw it (view.js). The host is the only peer: no BroadcastChannel between tabs,
// no awareness.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { $, setText, show } from './dom.js'
import { roots } from './doc.js'
import { forget, join, remember, stored, who } from './join.js'
import { keepAlive } from './keepalive.js'
import { View } from './view.js'

const CONN_WORDS = { connecting: 'Connecting…', live: 'Live', offline: 'Offline' }
const CLOSED = { 4001: 'The facilitator ended your session', 4002: 'The session has ended' }

let live = null // {provider, view, beat} while in the session

function setConn (state) {
  const el = $('conn')
  el.dataset.state = state
  setText(el, CONN_WORDS[state])
  show(el, true)
  show($('offline'), state === 'offline')
}

function showJoin (error) {
  show($('join-view'), true)
  show($('session-view'), false)
  show($('ended-view'), false)
  show($('join-error'), Boolean(error))
  setText($('join-error'), error || '')
}

function leave () {
  if (!live) return
  live.provider.disconnect()
  live.provider.destroy()
  clearInterval(live.beat)
  live.view.stop()
  live = null
  forget()
  show($('conn'), false)
  show($('offline'), false)
  show($('session-view'), false)
}

function ended (words) {
  leave()
  setText($('ended-text'), words)
  show($('join-view'), false)
  show($('ended-view'), true)
}

function start (me) {
  remember(me)
  show($('join-view'), false)
  show($('ended-view'), false)
  show($('session-view'), true)
  const doc = new Y.Doc()
  const r = roots(doc)
  const view = new View(doc, r, me)
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://'
  const provider = new WebsocketProvider(scheme + location.host + '/session', 'ws', doc, {
    params: { token: me.token },
    connect: false,
    disableBc: true
  })
  provider.awareness.setLocalState(null)
  live = { provider, view, beat: keepAlive(provider), checking: false }
  let queued = false
  doc.on('update', () => {
    if (queued) return
    queued = true
    queueMicrotask(() => { queued = false; if (live && live.view === view) view.render() })
  })
  // once live, a lost connection reads "offline" while y-websocket keeps trying in the background
  provider.on('status', ({ status }) => {
    if (status === 'connected') setConn(provider.synced ? 'live' : 'connecting')
    else setConn(status === 'connecting' && !view.synced ? 'connecting' : 'offline')
  })
  provider.on('sync', (synced) => {
    if (!synced) return
    view.synced = true
    setConn('live')
    view.render()
  })
  provider.on('connection-close', (event) => {
    if (!event) return
    if (CLOSED[event.code]) ended(CLOSED[event.code])
    else recheck(me)
  })
  setConn('connecting')
  view.render()
  provider.connect()
}

/** After a lost connection: is this participant still in the session? (A refused token closes
 * the WebSocket before it opens, which a page cannot tell from a network error.) */
async function recheck (me) {
  if (!live || live.checking) return
  live.checking = true
  const answer = await who(me.token)
  if (!live) return
  live.checking = false
  if (answer.status === 410) ended(answer.error)
  else if (answer.status === 403) {
    leave()
    showJoin('The host no longer knows this device. Join again with the PIN.')
  }
}

async function onJoin (event) {
  event.preventDefault()
  const pin = $('pin').value.trim()
  const name = $('name').value.trim()
  if (!pin || !name) {
    showJoin(!pin ? 'Type the PIN first.' : 'Type your name first.')
    return
  }
  const button = $('join-button')
  button.disabled = true
  setText(button, 'Joining…')
  const answer = await join(pin, name)
  button.disabled = false
  setText(button, 'Join')
  if (answer.ok) start({ id: answer.id, token: answer.token, name })
  else if (answer.status === 410) ended(answer.error)
  else showJoin(answer.error)
}

async function boot () {
  $('join-form').addEventListener('submit', onJoin)
  const me = stored()
  if (!me) return showJoin()
  show($('join-view'), false)
  const answer = await who(me.token)
  if (answer.ok) start({ id: answer.id, token: me.token, name: answer.name })
  else if (answer.status === 0) start(me) // offline for now: y-websocket keeps trying
  else if (answer.status === 410) {
    forget()
    ended(answer.error)
  } else {
    forget()
    showJoin('Join again with the PIN.')
  }
}

boot()
