import type { DecorationAttrs } from '@tiptap/pm/view'

// How other people's carets look. The extension hands us whatever peers put in their
// awareness `user` field, so everything here treats it as untrusted input.

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/
const FALLBACK_COLOR = '#475467'

function peerColor(user: Record<string, unknown>): string {
  return typeof user.color === 'string' && HEX_COLOR.test(user.color) ? user.color : FALLBACK_COLOR
}

function peerName(user: Record<string, unknown>): string {
  const name = typeof user.name === 'string' ? user.name.trim() : ''
  return name === '' ? 'Anonymous' : name.slice(0, 40)
}

export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = peerColor(user)
  const caret = document.createElement('span')
  caret.className = 'collab-caret'
  caret.style.setProperty('--caret-color', color)
  // The caret lives inside editable text: keep it out of selection and screen-reader flow.
  caret.setAttribute('contenteditable', 'false')
  caret.setAttribute('aria-hidden', 'true')

  const label = document.createElement('span')
  label.className = 'collab-caret__label'
  label.dataset.testid = 'caret-label'
  // textContent, never innerHTML: the name comes from another browser.
  label.textContent = peerName(user)
  caret.append(label)
  return caret
}

export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  // A light tint (about 20 % alpha) keeps the selected words readable under it.
  return {
    nodeName: 'span',
    class: 'collab-selection',
    style: `background-color: ${peerColor(user)}33`,
  }
}
