// Joining over HTTP on the host's own port: the PIN and a name buy an id and a token, kept in
// sessionStorage so a reload of this tab rejoins as the same participant.

const KEY = 'personamap.live'

const WORDS = {
  403: 'That PIN is not right. Check it with the facilitator and try again.',
  429: 'Too many wrong PINs from this device. Ask the facilitator to let you in.',
  410: 'The session has ended'
}

function sentence (text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The participant this tab joined as ({id, token, name}), or null. */
export function stored () {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) || 'null')
    return value && typeof value.token === 'string' ? value : null
  } catch (_) {
    return null
  }
}

export function remember (me) {
  sessionStorage.setItem(KEY, JSON.stringify(me))
}

export function forget () {
  sessionStorage.removeItem(KEY)
}

/** {ok: true, id, token} or {ok: false, status, error: a sentence for the participant}. */
export async function join (pin, name) {
  const query = new URLSearchParams({ pin, name })
  return ask('/session/join?' + query.toString())
}

/** Whether a stored token still stands: {ok: true, id, name} or {ok: false, error, status}. */
export async function who (token) {
  return ask('/session/who?' + new URLSearchParams({ token }).toString())
}

async function ask (path) {
  let response
  try {
    response = await fetch(path, { cache: 'no-store' })
  } catch (_) {
    return { ok: false, status: 0, error: 'Cannot reach the host. Check that you are on the room’s network.' }
  }
  let body = {}
  try {
    body = await response.json()
  } catch (_) {}
  if (response.ok && body.ok) return body
  const said = typeof body.error === 'string' && body.error ? sentence(body.error) : ''
  // 410 says which ended: this participant's session or everyone's
  const error = (response.status === 410 && said) || WORDS[response.status] || said ||
    'The host said no (HTTP ' + response.status + ').'
  return { ok: false, status: response.status, error }
}
