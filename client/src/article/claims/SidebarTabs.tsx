import { useRef, type KeyboardEvent } from 'react'

export interface SidebarTab<T extends string> {
  id: T
  label: string
  /** Absent on a tab that is not a list to count (History, Activity). */
  count?: number
}

interface SidebarTabsProps<T extends string> {
  tabs: readonly SidebarTab<T>[]
  selected: T
  onSelect: (id: T) => void
  /** Names the tab list for screen readers. */
  label: string
}

export function tabId(id: string): string {
  return `sidebar-tab-${id}`
}

export function tabPanelId(id: string): string {
  return `sidebar-panel-${id}`
}

/**
 * Views of the claims column as tabs (the WAI-ARIA pattern: one tab stop, arrow keys move
 * between tabs and show each at once). Pair each with a `role="tabpanel"` whose id is
 * `tabPanelId(tab.id)` and which is labelled by `tabId(tab.id)`.
 */
export function SidebarTabs<T extends string>({ tabs, selected, onSelect, label }: SidebarTabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === selected)
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1
    const tab = tabs[next]
    if (tab === undefined) return
    event.preventDefault()
    onSelect(tab.id)
    listRef.current?.querySelector<HTMLElement>(`#${tabId(tab.id)}`)?.focus()
  }

  return (
    <div className="sidebar-tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const active = tab.id === selected
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="sidebar-tabs__tab"
            aria-selected={active}
            aria-controls={tabPanelId(tab.id)}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            data-testid={`sidebar-tab-${tab.id}`}
          >
            {tab.label}
            {tab.count !== undefined && (
              <span className="sidebar-tabs__count" data-testid={`sidebar-tab-${tab.id}-count`}>
                {tab.count}
              </span>
            )}
          </button>
        )
      })}
    </div>
  )
}
