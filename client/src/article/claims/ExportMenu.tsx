import { useEffect, useId, useRef, useState } from 'react'
import { claimReviewPreviewUrl, EXPORTS, exportUrl } from '../../api/claims'
import { canReview } from '../../api/types'
import { useClaimsEnv } from './context'
import { useReview } from './review/reviewContext'

/** Downloads of the article's fact-check: ClaimReview, the Markdown report, Web Annotations. */
export function ExportMenu({ empty = false }: { /** No claims yet: the downloads would be empty. */ empty?: boolean }) {
  const { article } = useClaimsEnv()
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const menuId = useId()
  // Editors check what publishing would put out before they publish.
  const review = useReview()
  const preview = review !== null && canReview(review.role)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          // The menu pattern: ArrowDown (or Up) opens it on its first (or last) download.
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
          event.preventDefault()
          setOpen(true)
          const last = event.key === 'ArrowUp'
          requestAnimationFrame(() => focusItem(rootRef.current, last ? -1 : 0))
        }}
        title={empty ? 'Nothing to export yet: mark a claim first' : 'Download this fact-check'}
        data-testid="export-button"
      >
        <DownloadIcon />
        Export
      </button>
      {open && (
        <ul
          className="export-menu__panel"
          id={menuId}
          aria-label="Downloads"
          onKeyDown={(event) => moveInMenu(event, rootRef.current)}
        >
          {EXPORTS.map((item) => (
            <li key={item.kind}>
              <a
                className="export-menu__item"
                href={exportUrl(article.id, item.kind)}
                download
                data-testid={`export-${item.kind}`}
                onClick={() => setOpen(false)}
              >
                <span className="export-menu__label">{item.label}</span>
                <span className="export-menu__detail">{item.detail}</span>
              </a>
            </li>
          ))}
          {preview && (
            <li>
              <a
                className="export-menu__item"
                href={claimReviewPreviewUrl(article.id)}
                target="_blank"
                rel="noopener"
                data-testid="export-claimreview-preview"
                onClick={() => setOpen(false)}
              >
                <span className="export-menu__label">ClaimReview preview</span>
                <span className="export-menu__detail">
                  What publishing now would put out: the approved claims, undated (opens in a new tab)
                </span>
              </a>
            </li>
          )}
        </ul>
      )}
    </div>
  )
}

/** Focuses the download at `index` (negative: from the end). */
function focusItem(root: HTMLElement | null, index: number) {
  const items = [...(root?.querySelectorAll<HTMLElement>('.export-menu__item') ?? [])]
  items.at(index)?.focus()
}

/** ↓/↑ between the downloads (wrapping), Home and End. */
function moveInMenu(event: React.KeyboardEvent, root: HTMLElement | null) {
  const items = [...(root?.querySelectorAll<HTMLElement>('.export-menu__item') ?? [])]
  const at = items.indexOf(document.activeElement as HTMLElement)
  const target =
    event.key === 'ArrowDown'
      ? (at + 1) % items.length
      : event.key === 'ArrowUp'
        ? (at - 1 + items.length) % items.length
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? items.length - 1
            : null
  if (target === null || items.length === 0) return
  event.preventDefault()
  items[target]?.focus()
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="icon">
      <path
        fill="currentColor"
        d="M8 1.5a.75.75 0 0 1 .75.75v6.69l2.22-2.22a.75.75 0 1 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 0 1 1.06-1.06l2.22 2.22V2.25A.75.75 0 0 1 8 1.5ZM2.75 12a.75.75 0 0 1 .75.75v.75h9v-.75a.75.75 0 0 1 1.5 0v1.5a.75.75 0 0 1-.75.75H2.75a.75.75 0 0 1-.75-.75v-1.5a.75.75 0 0 1 .75-.75Z"
      />
    </svg>
  )
}
