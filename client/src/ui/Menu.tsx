import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export type MenuEntry =
  | {
      kind: 'item'
      label: ReactNode
      onSelect: () => void
      /** Secondary line, e.g. a role. */
      detail?: ReactNode
      /** Marks the current choice (a radio-style item). */
      checked?: boolean
      testId?: string
    }
  | { kind: 'separator' }
  /** Not focusable: who you are, a group label. */
  | { kind: 'note'; content: ReactNode }

interface MenuProps {
  /** What the button shows. */
  button: ReactNode
  /** The button's accessible name when its content is not enough. */
  buttonLabel?: string
  buttonClassName?: string
  entries: MenuEntry[]
  align?: 'start' | 'end'
  /** Extra class on the wrapper, for layout by the container (e.g. may shrink). */
  className?: string
  testId?: string
}

/**
 * A menu button (WAI-ARIA menu pattern): Enter/Space/ArrowDown open it on the first item,
 * arrows and Home/End move, Escape closes and returns focus, Tab or a click outside closes.
 */
export function Menu({
  button,
  buttonLabel,
  buttonClassName = 'menu__button',
  entries,
  align = 'start',
  className,
  testId,
}: MenuProps) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const focusFirst = useRef<'first' | 'last'>('first')

  const items = () => [...(list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]

  // biome-ignore lint/correctness/useExhaustiveDependencies: items() reads the DOM at run time; opening is the trigger
  useEffect(() => {
    if (!open) return
    const all = items()
    ;(focusFirst.current === 'last' ? all[all.length - 1] : all[0])?.focus()
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) trigger.current?.focus()
  }

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      focusFirst.current = event.key === 'ArrowUp' ? 'last' : 'first'
      setOpen(true)
    }
  }

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items()
    const index = all.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      event.preventDefault()
      all[(to + all.length) % all.length]?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1)
      case 'ArrowUp':
        return move(index - 1)
      case 'Home':
        return move(0)
      case 'End':
        return move(all.length - 1)
      case 'Escape':
        event.preventDefault()
        return close(true)
      case 'Tab':
        return close(false)
    }
  }

  return (
    <div className={className ? `menu ${className}` : 'menu'} ref={root} data-testid={testId}>
      <button
        ref={trigger}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={buttonLabel}
        onClick={() => {
          focusFirst.current = 'first'
          setOpen((was) => !was)
        }}
        onKeyDown={onButtonKey}
      >
        {button}
        <svg className="menu__chevron" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          <path
            fill="currentColor"
            d="M4.2 6.2a.75.75 0 0 1 1.06 0L8 8.94l2.74-2.74a.75.75 0 1 1 1.06 1.06L8.53 10.53a.75.75 0 0 1-1.06 0L4.2 7.26a.75.75 0 0 1 0-1.06Z"
          />
        </svg>
      </button>
      {open && (
        <div ref={list} id={menuId} role="menu" className={`menu__list menu__list--${align}`} onKeyDown={onMenuKey}>
          {entries.map((entry, i) => {
            if (entry.kind === 'separator') return <div key={i} role="separator" className="menu__separator" />
            if (entry.kind === 'note')
              return (
                <div key={i} className="menu__note" role="presentation">
                  {entry.content}
                </div>
              )
            return (
              // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-checked only comes with role="menuitemradio" (entry.checked is undefined otherwise)
              <button
                key={i}
                type="button"
                role={entry.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={entry.checked}
                tabIndex={-1}
                className="menu__item"
                data-testid={entry.testId}
                onClick={() => {
                  close(true)
                  entry.onSelect()
                }}
              >
                {entry.checked !== undefined && (
                  <span className="menu__check" aria-hidden="true">
                    {entry.checked ? '✓' : ''}
                  </span>
                )}
                <span className="menu__text">
                  <span className="menu__label">{entry.label}</span>
                  {entry.detail !== undefined && <span className="menu__detail">{entry.detail}</span>}
                </span>
              </button>
            )
          })}
        </div>
      )}
    </div>
  )
}
