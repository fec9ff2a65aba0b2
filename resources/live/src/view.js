// Draws the session from the document: the add form, my notes, everyone's notes and the vote.
// Called after every change; lists are kept by key so nothing being typed or tapped is rebuilt.
import { $, h, setText, show, syncList } from './dom.js'
import { GROUPS, VOTABLE, addNote, deleteNote, editNote, myCount, notes, places, settings, setVote, spent } from './doc.js'

const KIND_WORD = { stage: 'Stage', lane: 'Lane', quadrant: 'Empathy map', board: 'Board' }

export function placeLabel (place) {
  return place ? KIND_WORD[place.kind] + ' · ' + place.name : 'the board'
}

export class View {
  constructor (doc, r, me) {
    this.doc = doc
    this.r = r
    this.me = me
    this.synced = false
    this.chosen = null // the place the participant picked, when they may pick
    this.optionsKey = ''
    this.seen = new Set() // my notes present at the last render
    this.deleting = new Set() // my notes I deleted myself
    this.timer = null
    this.text = $('text')
    this.text.addEventListener('input', () => {
      setText($('added'), '')
      this.renderAddButton()
    })
    $('target').addEventListener('change', (e) => {
      this.chosen = e.target.value
      this.render()
    })
    $('add-button').addEventListener('click', () => this.add())
    $('notice-ok').addEventListener('click', () => show($('notice'), false))
  }

  add () {
    const text = this.text.value.trim()
    const place = this.target
    if (!text || !place || !this.canWrite) return
    addNote(this.doc, this.me.id, text, place)
    this.text.value = ''
    setText($('added'), 'Added to ' + placeLabel(place) + '.')
    this.render()
  }

  render () {
    const s = settings(this.r)
    const all = places(this.r)
    this.places = new Map(all.map((p) => [p.key, p]))
    this.s = s
    this.canWrite = this.synced && !s.locked
    const board = this.places.get(s.boardId)
    setText($('title'), board ? board.name : 'Live workshop')
    document.title = board ? board.name + ' – live workshop' : 'Live workshop'
    const people = this.r.participants.size
    setText($('whoami'), 'You are ' + this.me.name + (people > 1 ? ' · ' + people + ' people here' : ''))
    show($('locked'), s.locked)
    this.renderTimer(s.timerEnd)
    this.renderTarget(s, all)
    const list = notes(this.r)
    this.renderMine(list)
    this.renderBoard(s, all, list)
  }

  renderTarget (s, all) {
    const fallback = s.focus && this.places.has(s.focus) ? s.focus : s.boardId
    const pick = $('target')
    if (s.addAnywhere) {
      const key = JSON.stringify(all) + '|' + fallback
      if (key !== this.optionsKey) {
        this.optionsKey = key
        pick.replaceChildren(...GROUPS.map(([kind, word]) => {
          const members = all.filter((p) => p.kind === kind)
          return members.length ? h('optgroup', { label: word }, ...members.map((p) => h('option', { value: p.key }, p.name))) : null
        }).filter(Boolean))
      }
      const key2 = this.chosen && this.places.has(this.chosen) ? this.chosen : fallback
      if (key2 && pick.value !== key2) pick.value = key2
      this.target = this.places.get(pick.value) || null
    } else {
      this.target = this.places.get(fallback) || null
      setText($('target-fixed'), this.target ? 'Your note goes to ' + placeLabel(this.target) + '.' : 'Waiting for the board…')
    }
    show($('target-pick'), s.addAnywhere)
    show($('target-fixed'), !s.addAnywhere)
    pick.disabled = !this.canWrite
    this.text.disabled = !this.canWrite
    this.renderAddButton()
  }

  renderAddButton () {
    setText($('count'), this.text.value.length + ' / 500')
    $('add-button').disabled = !this.canWrite || !this.target || !this.text.value.trim()
  }

  renderMine (list) {
    const mine = list.filter((n) => n.author === this.me.id)
    const now = new Set(mine.map((n) => n.id))
    let refused = 0
    for (const id of this.seen) {
      if (now.has(id)) continue
      if (this.deleting.has(id)) this.deleting.delete(id)
      else refused++
    }
    this.seen = now
    if (refused) {
      setText($('notice-text'), refused > 1 ? 'The host did not accept your notes.' : 'The host did not accept your note.')
      show($('notice'), true)
      setText($('added'), '')
    }
    show($('mine-empty'), mine.length === 0)
    const editable = this.canWrite && this.s.editOwn
    syncList($('mine'), mine, (n) => n.id, (n) => this.mineItem(n))
    for (const item of $('mine').children) item.allow(editable)
  }

  mineItem (first) {
    let note = first
    let mode = 'read'
    const text = h('p', { class: 'note-text' })
    const meta = h('p', { class: 'meta' })
    const box = h('textarea', { maxlength: 500, rows: 3, 'aria-label': 'Change your note' })
    const actions = h('div', { class: 'actions' })
    const li = h('li', { class: 'note mine' }, text, box, meta, actions)
    const button = (label, onclick, cls) => h('button', { type: 'button', class: cls || '', onclick }, label)
    const draw = () => {
      show(text, mode !== 'edit')
      show(box, mode === 'edit')
      if (mode === 'read') {
        actions.replaceChildren(button('Edit', () => { mode = 'edit'; box.value = note.text; draw(); box.focus() }),
          button('Delete', () => { mode = 'delete'; draw() }))
      } else if (mode === 'edit') {
        actions.replaceChildren(button('Save', () => {
          const value = box.value.trim()
          if (value && value !== note.text) editNote(this.doc, note, value)
          mode = 'read'
          draw()
        }, 'primary'), button('Cancel', () => { mode = 'read'; draw() }))
      } else {
        actions.replaceChildren(h('span', { class: 'ask' }, 'Delete this note?'),
          button('Delete', () => { this.deleting.add(note.id); deleteNote(this.doc, note.id) }, 'danger'),
          button('Keep', () => { mode = 'read'; draw() }))
      }
    }
    li.update = (n) => {
      note = n
      setText(text, n.text)
      setText(meta, placeLabel(this.places.get(n.target)))
    }
    li.allow = (editable) => {
      show(actions, editable)
      if (!editable && mode !== 'read') { mode = 'read'; draw() }
    }
    draw()
    return li
  }

  renderBoard (s, all, list) {
    const voting = s.voteOpen && s.vote
    const left = Math.max(0, s.dots - spent(this.r, this.me.id))
    setText($('board-title'), voting ? 'Vote' : 'On the board')
    show($('dots'), voting)
    setText($('dots'), left === 1 ? 'You have 1 dot left of ' + s.dots + '.' : 'You have ' + left + ' dots left of ' + s.dots + '.')
    const groups = []
    for (const [kind] of GROUPS) {
      if (voting && !VOTABLE.includes(kind)) continue
      for (const place of all.filter((p) => p.kind === kind)) {
        const members = list.filter((n) => n.target === place.key && n.kind === kind)
        if (members.length) groups.push({ place, members })
      }
    }
    show($('board-empty'), groups.length === 0)
    setText($('board-empty'), voting ? 'No notes to vote on yet.' : 'No notes yet.')
    const ctx = { voting, left, canVote: voting && this.canWrite }
    syncList($('groups'), groups, (g) => g.place.key, () => this.groupItem())
    for (const [k, el] of Array.from($('groups').children).entries()) el.fill(groups[k], ctx)
  }

  groupItem () {
    const title = h('h3')
    const ul = h('ul', { class: 'notes' })
    const el = h('div', { class: 'group' }, title, ul)
    el.update = (g) => setText(title, placeLabel(g.place))
    el.fill = (g, ctx) => {
      syncList(ul, g.members, (n) => n.id, () => this.boardItem())
      for (const [k, li] of Array.from(ul.children).entries()) li.fill(g.members[k], ctx)
    }
    return el
  }

  boardItem () {
    let note = null
    const text = h('p', { class: 'note-text' })
    const yours = h('span', { class: 'yours' }, 'yours')
    const count = h('span', { class: 'count', 'aria-live': 'polite' })
    const minus = h('button', { type: 'button', class: 'dot', onclick: () => this.vote(note, -1) }, '−')
    const plus = h('button', { type: 'button', class: 'dot', onclick: () => this.vote(note, 1) }, '+')
    const votes = h('div', { class: 'vote' }, minus, count, plus)
    const li = h('li', { class: 'note' }, h('div', { class: 'note-body' }, text, yours), votes)
    li.update = (n) => { note = n }
    li.fill = (n, ctx) => {
      note = n
      setText(text, n.text)
      show(yours, n.author === this.me.id)
      const mine = myCount(this.r, n.id, this.me.id)
      show(votes, ctx.voting)
      setText(count, String(mine))
      count.setAttribute('aria-label', mine === 1 ? '1 dot from you' : mine + ' dots from you')
      minus.setAttribute('aria-label', 'Take a dot off: ' + n.text.slice(0, 60))
      plus.setAttribute('aria-label', 'Put a dot on: ' + n.text.slice(0, 60))
      minus.disabled = !ctx.canVote || mine === 0
      plus.disabled = !ctx.canVote || ctx.left === 0
      li.classList.toggle('voted', mine > 0)
    }
    return li
  }

  vote (note, delta) {
    if (!note || !this.canWrite) return
    const now = myCount(this.r, note.id, this.me.id)
    const left = this.s.dots - spent(this.r, this.me.id)
    if (delta > 0 && left <= 0) return
    setVote(this.doc, note.id, this.me.id, Math.max(0, now + delta))
  }

  renderTimer (end) {
    const at = end ? Date.parse(end) : NaN
    show($('timer-box'), !Number.isNaN(at))
    if (Number.isNaN(at)) {
      clearInterval(this.timer)
      this.timer = null
      return
    }
    const tick = () => {
      const left = Math.max(0, Math.round((at - Date.now()) / 1000))
      const mm = String(Math.floor(left / 60)).padStart(2, '0')
      const ss = String(left % 60).padStart(2, '0')
      setText($('timer'), left > 0 ? mm + ':' + ss : 'Time is up')
      $('timer-box').classList.toggle('done', left === 0)
    }
    tick()
    clearInterval(this.timer)
    this.timer = setInterval(tick, 1000)
  }

  stop () {
    clearInterval(this.timer)
  }
}
