import { useEffect, type ReactNode } from 'react'
import { PRODUCT_NAME } from './product'

/** A calm centred card with no top bar: for pages shown before (or without) the app shell. */
export function CenteredFrame({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · ${PRODUCT_NAME}`
  }, [title])
  return (
    <main className="centered" id="main">
      <div className="centered__inner">{children}</div>
    </main>
  )
}
