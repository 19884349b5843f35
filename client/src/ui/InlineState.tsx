import type { ReactNode } from 'react'

interface InlineStateProps {
  tone: 'loading' | 'error' | 'info'
  title: string
  children?: ReactNode
  action?: { label: string; onClick: () => void }
}

/** Loading and failure shown in place of the content, so the page is never blank. */
export function InlineState({ tone, title, children, action }: InlineStateProps) {
  return (
    <div
      className={`inline-state inline-state--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="inline-state"
      data-tone={tone}
    >
      {tone === 'loading' && <span className="inline-state__spinner" aria-hidden="true" />}
      <h2 className="inline-state__title">{title}</h2>
      {children !== undefined && <div className="inline-state__body">{children}</div>}
      {action && (
        <button type="button" className="button button--quiet inline-state__action" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  )
}

/** Grey lines where the article will be: the page keeps its shape while it loads. */
export function ArticleSkeleton() {
  return (
    <div className="article-skeleton" aria-hidden="true">
      <span className="article-skeleton__line article-skeleton__line--title" />
      {[92, 100, 97, 88, 60, 0, 95, 100, 84].map((width, i) =>
        width === 0 ? (
          <span key={i} className="article-skeleton__gap" />
        ) : (
          <span key={i} className="article-skeleton__line" style={{ width: `${width}%` }} />
        ),
      )}
    </div>
  )
}
