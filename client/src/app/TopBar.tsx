import type { MouseEvent, ReactNode } from 'react'
import { PRODUCT_NAME } from './product'
import { navigate } from './router'

export function TopBar({ title, children }: { title: string; children?: ReactNode }) {
  const goHome = (event: MouseEvent<HTMLAnchorElement>) => {
    // Keep ordinary link behaviour for new-tab clicks; take over plain clicks only.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    navigate('/')
  }

  return (
    <header className="topbar">
      <a className="topbar__brand" href="/" onClick={goHome}>
        <span className="topbar__mark" aria-hidden="true">✓</span>
        <span className="topbar__product">{PRODUCT_NAME}</span>
      </a>
      <span className="topbar__divider" aria-hidden="true" />
      <p className="topbar__title" title={title} data-testid="article-title">
        {title}
      </p>
      <div className="topbar__status">{children}</div>
    </header>
  )
}
