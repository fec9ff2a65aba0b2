// The session document (docs/live.md) as this participant reads and writes it. Every write is
// one transaction, so the host judges it as one update.
import * as Y from 'yjs'

export const VOTABLE = ['stage', 'lane', 'quadrant']
export const GROUPS = [
  ['stage', 'Stages'],
  ['lane', 'Lanes'],
  ['quadrant', 'Empathy map'],
  ['board', 'Board']
]

export function roots (doc) {
  return {
    session: doc.getMap('session'),
    places: doc.getMap('places'),
    participants: doc.getMap('participants'),
    notes: doc.getArray('notes'),
    votes: doc.getMap('votes')
  }
}

/** The host's settings as plain values, with the defaults of an empty document. */
export function settings (r) {
  const s = r.session
  const p = s.get('permissions')
  const flag = (name, fallback) => (p instanceof Y.Map && typeof p.get(name) === 'boolean' ? p.get(name) : fallback)
  return {
    boardId: s.get('board_id') || null,
    focus: s.get('focus') || null,
    voteOpen: s.get('vote_open') === true,
    dots: typeof s.get('dots') === 'number' ? s.get('dots') : 0,
    timerEnd: typeof s.get('timer_end') === 'string' ? s.get('timer_end') : null,
    locked: s.get('locked') === true,
    addAnywhere: flag('add_anywhere', false),
    vote: flag('vote', true),
    editOwn: flag('edit_own_only', true)
  }
}

/** Every place as {key, kind, name}, in the facilitator's board order (stages left to right). */
export function places (r) {
  const out = []
  r.places.forEach((value, key) => {
    if (!(value instanceof Y.Map)) return
    const order = value.get('order')
    out.push({ key, kind: String(value.get('kind')), name: String(value.get('name') ?? ''), order: typeof order === 'number' ? order : 0 })
  })
  return out.sort((a, b) => a.order - b.order)
}

/** Every well-formed note as {id, author, text, kind, target, created, map}. */
export function notes (r) {
  const out = []
  r.notes.forEach((m) => {
    if (!(m instanceof Y.Map)) return
    const target = m.get('target')
    if (typeof m.get('id') !== 'string' || !(target instanceof Y.Map)) return
    out.push({
      id: m.get('id'),
      author: String(m.get('author') ?? ''),
      text: String(m.get('text') ?? ''),
      kind: String(target.get('kind') ?? ''),
      target: String(target.get('id') ?? ''),
      created: String(m.get('created') ?? ''),
      map: m
    })
  })
  return out
}

function randomId () {
  const bytes = new Uint8Array(16) // crypto.randomUUID needs a secure context; plain http on a LAN is not
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function addNote (doc, me, text, place) {
  const id = randomId()
  doc.transact(() => {
    const target = new Y.Map()
    target.set('kind', place.kind)
    target.set('id', place.key)
    const note = new Y.Map()
    note.set('id', id)
    note.set('author', me)
    note.set('text', text)
    note.set('target', target)
    note.set('created', new Date().toISOString())
    roots(doc).notes.push([note])
  })
  return id
}

export function editNote (doc, note, text) {
  doc.transact(() => note.map.set('text', text))
}

export function deleteNote (doc, id) {
  const array = roots(doc).notes
  doc.transact(() => {
    const at = array.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === id)
    if (at >= 0) array.delete(at, 1)
  })
}

/** My dots on one note. */
export function myCount (r, noteId, me) {
  const inner = r.votes.get(noteId)
  const count = inner instanceof Y.Map ? inner.get(me) : 0
  return typeof count === 'number' && count > 0 ? count : 0
}

/** All my dots, on every note. */
export function spent (r, me) {
  let total = 0
  r.votes.forEach((inner) => {
    const count = inner instanceof Y.Map ? inner.get(me) : 0
    if (typeof count === 'number' && count > 0) total += count
  })
  return total
}

export function setVote (doc, noteId, me, count) {
  const votes = roots(doc).votes
  doc.transact(() => {
    let inner = votes.get(noteId)
    if (!(inner instanceof Y.Map)) {
      inner = new Y.Map()
      votes.set(noteId, inner)
    }
    if (count > 0) inner.set(me, count)
    else inner.delete(me)
  })
}
