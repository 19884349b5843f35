import { createContext, useContext } from 'react'

/**
 * The side panel's place on screen, for what is inside it. Beside the content from 1024 px
 * (and collapsible there); below that a drawer over the content, so opening something in the
 * panel never moves the text off screen.
 */
export interface SidebarDrawer {
  /** The panel is a drawer over the content (narrow windows). */
  narrow: boolean
  /** The panel can be seen: the drawer is open, or the column is not collapsed. */
  visible: boolean
  /** Bring the panel into view (open the drawer, expand the column). */
  show: () => void
  hide: () => void
}

export const SidebarDrawerContext = createContext<SidebarDrawer | null>(null)

/** Null outside a frame with a side panel. */
export function useSidebarDrawer(): SidebarDrawer | null {
  return useContext(SidebarDrawerContext)
}

/** Below this the panel is a drawer; the CSS uses the same width (app.css, "Side panel"). */
export const NARROW_QUERY = '(max-width: 63.99rem)'
