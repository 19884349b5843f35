import type { KeyboardEvent } from 'react'

/*
 * The keys the sidebar's lists share (the claims, the suggestions): j/k or ↓/↑ move focus
 * from item to item, Home and End to the first and the last. One element of each item takes
 * the focus (a claim card's head, a suggestion's words), so what is announced is the item.
 */

/** Keys that are not the list's: typed into a field or the editor, or a shortcut with a modifier. */
export function notForList(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return true
  const target = event.target as HTMLElement
  return target.isContentEditable === true || target.closest('input, textarea, select') !== null
}

/**
 * The index a key moves to in a list of `length` items from the one at `from` (-1: none of
 * them, so ↓ goes to the first and ↑ to the last); null for a key that does not move, or
 * an empty list. Stops at either end rather than wrapping around.
 */
export function listMoveTarget(key: string, from: number, length: number): number | null {
  if (length === 0) return null
  if (key === 'Home') return 0
  if (key === 'End') return length - 1
  const step = key === 'j' || key === 'ArrowDown' ? 1 : key === 'k' || key === 'ArrowUp' ? -1 : 0
  if (step === 0) return null
  const next = from === -1 ? (step > 0 ? 0 : length - 1) : from + step
  return Math.max(0, Math.min(length - 1, next))
}

/**
 * Moves focus to the item the key points at (see listMoveTarget) and scrolls it into view.
 * Returns the element now focused, or null (the event left alone) for a key that does not move.
 */
export function moveInList(event: KeyboardEvent, items: readonly HTMLElement[], from: number): HTMLElement | null {
  const index = listMoveTarget(event.key, from, items.length)
  const item = index === null ? undefined : items[index]
  if (item === undefined) return null
  event.preventDefault()
  item.focus()
  item.scrollIntoView({ block: 'nearest' })
  return item
}
