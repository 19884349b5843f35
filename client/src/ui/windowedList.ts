import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'

/*
 * A long list drawn only where it can be seen: the items in its scrolling column's view, plus
 * a margin above and below, and the items that must exist whatever the scroll (the open one,
 * the focused one); the rest are spacers of their measured (or estimated) height, so the
 * scroll bar, the scroll position and the browser's scroll anchoring behave as if every item
 * were there. With 2,000 claim cards in the DOM every keystroke paid for their style and
 * layout (tests/bench/README.md, "Client: typing").
 */

/**
 * Up to this many items everything is drawn (find-in-page sees every item). Every card in the
 * DOM costs each frame the article's typing paints, whether or not it changed: the browser's
 * hover hit test, its `content-visibility` intersection checks and its layers. With 200 cards
 * that was ~1.3 ms of main thread a key (tests/bench/README.md, "Client: typing"); windowed,
 * the ~30–60 cards drawn cost a quarter of it. Below ~60 windowing would draw everything anyway.
 */
export const WINDOW_FROM = 100

/** How far beyond the visible part of the column items are drawn, in px. */
const OVERSCAN_PX = 800

/** The height an item is taken to have until it has been drawn once. */
const ESTIMATE_PX = 64

export type WindowSegment = { kind: 'items'; from: number; to: number } | { kind: 'gap'; height: number; key: string }

export interface ListWindow {
  /** What to draw, in order: runs of items [from, to) and spacers between them. */
  segments: WindowSegment[]
  /** Whether the list is windowed at all (long enough). */
  windowed: boolean
}

interface Options {
  count: number
  keyOf: (index: number) => string
  /** The list element: its children are the drawn items and the spacers (`data-window-gap`). */
  listRef: RefObject<HTMLElement | null>
  /** Indexes drawn whatever the scroll. */
  pinned: readonly number[]
}

export function useWindowedList({ count, keyOf, listRef, pinned }: Options): ListWindow {
  const windowed = count > WINDOW_FROM
  const heights = useRef(new Map<string, number>())
  const [range, setRange] = useState<{ from: number; to: number }>({ from: 0, to: Math.min(count, 40) })
  const [, setMeasured] = useState(0)
  const keyOfRef = useRef(keyOf)
  keyOfRef.current = keyOf
  const countRef = useRef(count)
  countRef.current = count

  const heightOf = useCallback((index: number) => heights.current.get(keyOfRef.current(index)) ?? ESTIMATE_PX, [])

  const recompute = useCallback(() => {
    const list = listRef.current
    if (list === null) return
    const n = countRef.current
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0
    const scroller = scrollParent(list)
    const listTop = list.getBoundingClientRect().top
    const viewTop = scroller === null ? 0 : scroller.getBoundingClientRect().top
    const viewHeight = scroller === null ? window.innerHeight : scroller.clientHeight
    // Where the visible part of the column falls, measured from the list's top.
    const top = viewTop - listTop - OVERSCAN_PX
    const bottom = viewTop - listTop + viewHeight + OVERSCAN_PX
    let at = parseFloat(getComputedStyle(list).paddingTop) || 0
    let from = n
    let to = n
    for (let i = 0; i < n; i++) {
      const end = at + heightOf(i)
      if (from === n && end >= top) from = i
      if (at > bottom) {
        to = i
        break
      }
      at = end + gap
    }
    if (from === n) from = Math.max(0, n - 1)
    setRange((r) => (r.from === from && r.to === to ? r : { from, to }))
  }, [listRef, heightOf])

  // Follow the column's scroll and the window's size, once a frame at most.
  useEffect(() => {
    if (!windowed) return
    const list = listRef.current
    if (list === null) return
    let frame = 0
    const schedule = () => {
      if (frame !== 0) return
      frame = requestAnimationFrame(() => {
        frame = 0
        recompute()
      })
    }
    const scroller = scrollParent(list)
    const target: HTMLElement | Window = scroller ?? window
    target.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    // The column shown again (a collapsed panel, a closed drawer) or resized: no scroll event says so.
    const resized = typeof ResizeObserver === 'undefined' || scroller === null ? null : new ResizeObserver(schedule)
    resized?.observe(scroller!)
    recompute()
    return () => {
      cancelAnimationFrame(frame)
      target.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
      resized?.disconnect()
    }
  }, [windowed, listRef, recompute])

  // A new length (claims marked, filtered) places the window again.
  useLayoutEffect(() => {
    if (windowed && count >= 0) recompute()
  }, [windowed, count, recompute])

  // Drawn items are measured, and measured again when they change size (a card opened). One
  // observer for the list's life: the list renders on every keystroke's snapshot (suggestions,
  // presence), and a new observer each time measured every drawn item again (a forced layout
  // and ~0.4 ms a remote update with 200 claims).
  const observing = useRef<{ observer: ResizeObserver; keys: WeakMap<Element, string>; observed: Set<Element> } | null>(
    null,
  )
  useLayoutEffect(() => {
    if (!windowed || typeof ResizeObserver === 'undefined') return
    const keys = new WeakMap<Element, string>()
    const observer = new ResizeObserver((entries) => {
      let changed = false
      for (const entry of entries) {
        const key = keys.get(entry.target)
        const height = (entry.target as HTMLElement).offsetHeight
        if (key === undefined || height === 0) continue
        if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
          heights.current.set(key, height)
          changed = true
        }
      }
      if (changed) {
        setMeasured((m) => m + 1)
        recompute()
      }
    })
    observing.current = { observer, keys, observed: new Set() }
    return () => {
      observer.disconnect()
      observing.current = null
    }
  }, [windowed, recompute])

  // After each render: items drawn since are observed (observing one measures it), items gone let go.
  useLayoutEffect(() => {
    const list = listRef.current
    const watch = observing.current
    if (list === null || watch === null) return
    const drawnNow = new Set<Element>()
    let index = 0
    const drawn = drawnIndexes(range, pinned, countRef.current)
    for (const child of list.children) {
      if (child instanceof HTMLElement && child.dataset.windowGap !== undefined) continue
      const i = drawn[index++]
      if (i === undefined) break
      watch.keys.set(child, keyOfRef.current(i))
      drawnNow.add(child)
      if (!watch.observed.has(child)) {
        watch.observed.add(child)
        watch.observer.observe(child)
      }
    }
    for (const element of watch.observed) {
      if (drawnNow.has(element)) continue
      watch.observed.delete(element)
      watch.observer.unobserve(element)
    }
  })

  if (!windowed) return { windowed, segments: count === 0 ? [] : [{ kind: 'items', from: 0, to: count }] }
  return { windowed, segments: segmentsOf(drawnIndexes(range, pinned, count), count, heightOf, listRef) }
}

/** The indexes drawn: the window's, and the pinned ones, in order. */
function drawnIndexes(range: { from: number; to: number }, pinned: readonly number[], count: number): number[] {
  const set = new Set<number>()
  for (let i = range.from; i < Math.min(range.to, count); i++) set.add(i)
  for (const i of pinned) if (i >= 0 && i < count) set.add(i)
  return [...set].sort((a, b) => a - b)
}

function segmentsOf(
  drawn: number[],
  count: number,
  heightOf: (index: number) => number,
  listRef: RefObject<HTMLElement | null>,
): WindowSegment[] {
  const list = listRef.current
  const gap = list === null ? 0 : parseFloat(getComputedStyle(list).rowGap) || 0
  const segments: WindowSegment[] = []
  // A spacer stands for items [from, to): their heights and the gaps between them (the list's
  // gap is then laid around the spacer as around an item).
  const spacer = (from: number, to: number) => {
    if (to <= from) return
    let height = gap * (to - from - 1)
    for (let i = from; i < to; i++) height += heightOf(i)
    segments.push({ kind: 'gap', height, key: `gap-${from}` })
  }
  let next = 0
  for (const i of drawn) {
    spacer(next, i)
    const last = segments[segments.length - 1]
    if (last?.kind === 'items' && last.to === i) last.to = i + 1
    else segments.push({ kind: 'items', from: i, to: i + 1 })
    next = i + 1
  }
  spacer(next, count)
  return segments
}

/** The nearest ancestor that scrolls vertically (the sidebar column, the drawer); null: the page. */
export function scrollParent(element: HTMLElement): HTMLElement | null {
  let parent = element.parentElement
  while (parent !== null && parent !== document.body) {
    const { overflowY } = getComputedStyle(parent)
    if (overflowY === 'auto' || overflowY === 'scroll') return parent
    parent = parent.parentElement
  }
  return null
}
