// Small DOM helpers. User text only ever goes in through textContent: nothing a participant or the
// host writes is parsed as markup.

/** An element with attributes (strings, booleans, on* listeners) and children (nodes or text). */
export function h (tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value)
    else if (value === true) el.setAttribute(name, '')
    else if (value !== false && value != null) el.setAttribute(name, String(value))
  }
  for (const child of children) {
    if (child == null || child === false) continue
    el.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return el
}

export function $ (id) {
  return document.getElementById(id)
}

export function setText (el, text) {
  if (el.textContent !== text) el.textContent = text
}

export function show (el, visible) {
  el.hidden = !visible
}

/**
 * Keep `container`'s children in step with `items`, reusing the element made for each key, so a
 * focused button or a note being edited survives an update from the host.
 * `make(item)` returns an element with an `update(item)` method.
 */
export function syncList (container, items, key, make) {
  const old = new Map()
  for (const child of Array.from(container.children)) old.set(child.dataset.key, child)
  let at = container.firstElementChild
  for (const item of items) {
    const k = key(item)
    let el = old.get(k)
    if (el) old.delete(k)
    else {
      el = make(item)
      el.dataset.key = k
    }
    el.update(item)
    if (el !== at) container.insertBefore(el, at)
    else at = at.nextElementSibling
  }
  for (const el of old.values()) el.remove()
}
