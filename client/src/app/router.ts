import { useSyncExternalStore } from 'react'

// Two screens do not need a router library: the path is the state, the History API
// moves it, and one event tells React to look again.

export type Route =
  | { kind: 'demo' }
  | { kind: 'doc'; docId: string }
  | { kind: 'notFound'; path: string }

// The server refuses any other id before the socket opens (an HTTP 400 the browser
// only reports as a failed connection), so catch it here and say so plainly.
// Mirrors server/src/collab/doc-id.ts.
const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/

const NAVIGATE_EVENT = 'fc:navigate'

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'demo' }
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1] !== undefined) {
    try {
      const docId = decodeURIComponent(match[1])
      return DOC_ID.test(docId) ? { kind: 'doc', docId } : { kind: 'notFound', path: pathname }
    } catch {
      // A malformed %-escape is not a document anybody can have linked to.
      return { kind: 'notFound', path: pathname }
    }
  }
  return { kind: 'notFound', path: pathname }
}

export function docPath(docId: string): string {
  return `/d/${encodeURIComponent(docId)}`
}

export function navigate(path: string): void {
  if (path === location.pathname) return
  history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const currentPath = () => location.pathname

export function useRoute(): Route {
  // Subscribing to the path string (not a fresh object) keeps renders stable.
  const path = useSyncExternalStore(subscribe, currentPath)
  return parseRoute(path)
}
