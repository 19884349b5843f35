import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { PRODUCT_NAME } from './product'
import { NARROW_QUERY, SidebarDrawerContext, type SidebarDrawer } from './SidebarDrawer'
import { useMediaQuery } from './useMediaQuery'
import './app.css'

export interface TopBarProps {
  title: string
  children?: ReactNode
  guest?: boolean
}

/**
 * The top bar every frame shows. The shell provides it (app/TopBar: workspaces, account),
 * so the kit names no feature; it is the same bar on every screen.
 */
export const TopBarContext = createContext<ComponentType<TopBarProps> | null>(null)

interface AppFrameProps {
  title: string
  /** Right side of the top bar: presence, connection state. */
  status?: ReactNode
  /** Right-hand column; when absent the main content is centred alone. */
  sidebar?: ReactNode
  /** What the panel holds, for its show/hide buttons: "Claims". */
  sidebarLabel?: string
  children: ReactNode
  /** A workshop participant's screen: the top bar shows no workspaces and no account. */
  guest?: boolean
}

const COLLAPSED_KEY = 'fc.sidePanelCollapsed'

/** The page skeleton every screen shares: top bar, reading column, optional sidebar. */
export function AppFrame({ title, status, sidebar, sidebarLabel = 'Panel', children, guest = false }: AppFrameProps) {
  useEffect(() => {
    document.title = `${title} · ${PRODUCT_NAME}`
  }, [title])
  const TopBar = useContext(TopBarContext)
  const narrow = useMediaQuery(NARROW_QUERY)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [collapsed, setCollapsed] = useState(() => readCollapsed())
  const setCollapsedKept = useCallback((value: boolean) => {
    setCollapsed(value)
    try {
      localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0')
    } catch {
      // private mode: remembered for this page only
    }
  }, [])
  const drawer = useMemo<SidebarDrawer>(
    () => ({
      narrow,
      visible: narrow ? drawerOpen : !collapsed,
      show: () => (narrow ? setDrawerOpen(true) : setCollapsedKept(false)),
      hide: () => (narrow ? setDrawerOpen(false) : setCollapsedKept(true)),
    }),
    [narrow, drawerOpen, collapsed, setCollapsedKept],
  )
  const hidden = sidebar !== undefined && !drawer.visible
  const onPanelKeyDown = (event: KeyboardEvent) => {
    // Escape closes the drawer unless something inside used it (a menu, an open card).
    if (event.key === 'Escape' && narrow && !event.defaultPrevented) drawer.hide()
  }

  const bodyClass = [
    'app__body',
    sidebar && 'app__body--with-sidebar',
    sidebar && !narrow && collapsed && 'app__body--collapsed',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {TopBar !== null && (
        <TopBar title={title} guest={guest}>
          {status}
        </TopBar>
      )}
      <div className={bodyClass}>
        <main className="app__main" id="main" tabIndex={-1}>
          {children}
        </main>
        {sidebar && (
          <SidebarDrawerContext.Provider value={drawer}>
            {narrow && drawerOpen && <div className="app__scrim" aria-hidden="true" onClick={drawer.hide} />}
            <aside
              className="app__sidebar"
              id="side-panel"
              aria-label={`${sidebarLabel} panel`}
              data-placement={narrow ? 'drawer' : 'column'}
              data-visible={drawer.visible}
              data-testid="side-panel"
              onKeyDown={onPanelKeyDown}
              // A closed drawer or a collapsed column keeps its state (filters, drafts) but takes no focus.
              inert={hidden}
            >
              {!narrow && (
                <button
                  type="button"
                  className="app__panel-hide"
                  onClick={drawer.hide}
                  aria-controls="side-panel"
                  aria-expanded={drawer.visible}
                  title={`Hide the ${sidebarLabel.toLowerCase()} panel, widen the text`}
                  data-testid="side-panel-hide"
                >
                  <span aria-hidden="true">⟩</span>
                  <span className="visually-hidden">Hide {sidebarLabel}</span>
                </button>
              )}
              {sidebar}
            </aside>
            {narrow ? (
              // One place to open and close the drawer, in reach of a thumb, whatever is scrolled where.
              <button
                type="button"
                className="app__panel-show app__panel-show--floating"
                onClick={drawer.visible ? drawer.hide : drawer.show}
                aria-controls="side-panel"
                aria-expanded={drawer.visible}
                data-testid={drawer.visible ? 'side-panel-hide' : 'side-panel-show'}
              >
                {drawer.visible ? `× Back to the text` : sidebarLabel}
              </button>
            ) : (
              hidden && (
                <button
                  type="button"
                  className="app__panel-show app__panel-show--rail"
                  onClick={drawer.show}
                  aria-controls="side-panel"
                  aria-expanded={false}
                  data-testid="side-panel-show"
                >
                  <span aria-hidden="true">⟨ </span>
                  {sidebarLabel}
                </button>
              )
            )}
          </SidebarDrawerContext.Provider>
        )}
      </div>
    </div>
  )
}

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_KEY) === '1'
  } catch {
    return false
  }
}
