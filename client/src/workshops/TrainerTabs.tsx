import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface TabSpec {
  id: string
  label: ReactNode
  panel: ReactNode
}

/**
 * The trainer page as tabs a projector can show one at a time (join, live, key, results):
 * WAI-ARIA tabs, arrow keys move between them, and the address keeps the open one (#live) so
 * a reload stays where the trainer was.
 */
export function TrainerTabs({ tabs, initial }: { tabs: TabSpec[]; initial: string }) {
  const fromHash = () => {
    const wanted = location.hash.replace(/^#/, '')
    return tabs.some((t) => t.id === wanted) ? wanted : initial
  }
  const [active, setActive] = useState(fromHash)
  const refs = useRef(new Map<string, HTMLButtonElement>())

  useEffect(() => {
    const onHash = () => setActive(fromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  })

  const choose = (id: string, focus = false) => {
    setActive(id)
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${id}`)
    if (focus) refs.current.get(id)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === active)
    const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (move !== 0) {
      event.preventDefault()
      choose(tabs[(index + move + tabs.length) % tabs.length]!.id, true)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      choose(tabs[event.key === 'Home' ? 0 : tabs.length - 1]!.id, true)
    }
  }

  return (
    <div className="trainer-tabs">
      <div className="trainer-tabs__list" role="tablist" aria-label="Workshop" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el)
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={active === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={active === t.id ? 0 : -1}
            className="trainer-tabs__tab"
            onClick={() => choose(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`panel-${t.id}`}
          aria-labelledby={`tab-${t.id}`}
          hidden={active !== t.id}
          className="trainer-tabs__panel"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes a panel focusable so Tab goes from the tab list into it
          tabIndex={0}
        >
          {active === t.id && t.panel}
        </div>
      ))}
    </div>
  )
}
