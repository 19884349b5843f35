import { createContext, useContext, useEffect, type ComponentType, type ReactNode } from 'react'
import { PRODUCT_NAME } from './product'
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
  children: ReactNode
  /** A workshop participant's screen: the top bar shows no workspaces and no account. */
  guest?: boolean
}

/** The page skeleton every screen shares: top bar, reading column, optional sidebar. */
export function AppFrame({ title, status, sidebar, children, guest = false }: AppFrameProps) {
  useEffect(() => {
    document.title = `${title} · ${PRODUCT_NAME}`
  }, [title])
  const TopBar = useContext(TopBarContext)

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
      <div className={sidebar ? 'app__body app__body--with-sidebar' : 'app__body'}>
        <main className="app__main" id="main" tabIndex={-1}>
          {children}
        </main>
        {sidebar && (
          <aside className="app__sidebar" aria-label="Article sidebar">
            {sidebar}
          </aside>
        )}
      </div>
    </div>
  )
}
