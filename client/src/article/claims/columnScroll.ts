/** The nearest ancestor that scrolls by itself (the side column, or the drawer over the text), if any. */
function scrollingColumn(element: HTMLElement): HTMLElement | null {
  let parent = element.parentElement
  while (parent !== null && parent !== document.body) {
    const { overflowY } = getComputedStyle(parent)
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent
    parent = parent.parentElement
  }
  return null
}

function behavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth'
}

/**
 * Scrolls the element's own column so its top shows at the top, without moving the page: in the
 * two-column layout the sidebar scrolls by itself, and the article must stay put. Below what
 * sticks at the top of the column (the tabs): the element's scroll-margin-top says how far.
 * Where the sidebar is part of the page (narrow screens), the page scrolls as little as it can.
 */
export function revealInColumn(element: HTMLElement): void {
  const column = scrollingColumn(element)
  if (column === null) {
    element.scrollIntoView({ block: 'nearest', behavior: behavior() })
    return
  }
  const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 8
  const offset = element.getBoundingClientRect().top - column.getBoundingClientRect().top - margin
  column.scrollBy({ top: offset, behavior: behavior() })
}

/**
 * An opened card that runs past the bottom of its column is brought up to its top, so what it
 * holds (verdict, discussion) is on screen; one that fits already stays where it is.
 */
export function fitInColumn(element: HTMLElement): void {
  const column = scrollingColumn(element)
  if (column === null) return
  const box = element.getBoundingClientRect()
  if (box.bottom > column.getBoundingClientRect().bottom) revealInColumn(element)
}
