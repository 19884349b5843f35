/** How the app scrolls on its own: at once where the user asked for reduced motion, gently otherwise. */
export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth'
}

/**
 * The nearest ancestor of `node` that scrolls by itself (the side column, the drawer over the
 * text, the article's own scroller), or null where the page itself scrolls.
 */
export function scrollingAncestor(node: Node): HTMLElement | null {
  let parent = node.parentElement
  while (parent !== null && parent !== document.body && parent !== document.documentElement) {
    const { overflowY } = getComputedStyle(parent)
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent
    parent = parent.parentElement
  }
  return null
}
