import { scrollBehavior, scrollingAncestor } from '../../ui/scrolling'

/**
 * Scrolls the element's own column so its top shows at the top, without moving the page: in the
 * two-column layout the sidebar scrolls by itself, and the article must stay put. Below what
 * sticks at the top of the column (the tabs): the element's scroll-margin-top says how far.
 * Where the sidebar is part of the page (narrow screens), the page scrolls as little as it can.
 */
export function revealInColumn(element: HTMLElement): void {
  const column = scrollingAncestor(element)
  if (column === null) {
    element.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() })
    return
  }
  const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 8
  const offset = element.getBoundingClientRect().top - column.getBoundingClientRect().top - margin
  column.scrollBy({ top: offset, behavior: scrollBehavior() })
}

/**
 * An opened card that runs past the bottom of its column is brought up to its top, so what it
 * holds (verdict, discussion) is on screen; one that fits already stays where it is.
 */
export function fitInColumn(element: HTMLElement): void {
  const column = scrollingAncestor(element)
  if (column === null) return
  const box = element.getBoundingClientRect()
  if (box.bottom > column.getBoundingClientRect().bottom) revealInColumn(element)
}
