import { useSyncExternalStore, type MouseEvent } from 'react'

// A handful of screens do not need a router library: the path is the state, the History
// API moves it, and one event tells React to look again.

export type Route =
  | { kind: 'login' }
  | { kind: 'signup' }
  | { kind: 'home' }
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'members'; workspaceId: string }
  /** The workspace's review queue: claims waiting for an editor, oldest request first. */
  | { kind: 'reviewQueue'; workspaceId: string }
  /** The workspace's activity: who did what in its articles, newest first. */
  | { kind: 'activity'; workspaceId: string }
  | { kind: 'article'; articleId: string }
  | { kind: 'invite'; code: string }
  | { kind: 'tokens' }
  | { kind: 'workshops'; workspaceId: string }
  | { kind: 'workshop'; workspaceId: string; workshopId: string }
  | { kind: 'workshopCopy'; workspaceId: string; workshopId: string; participantId: string }
  /** A participant (guest, no account) joining with a code; empty until they type one. */
  | { kind: 'join'; code: string }
  /** A participant's own copy, kept across reloads by their guest cookie. */
  | { kind: 'participant'; workshopId: string }
  | { kind: 'notFound'; path: string }

// Ids are opaque strings of [A-Za-z0-9_-] (docs/api.md); anything else cannot exist.
const ID = '([A-Za-z0-9_-]{1,200})'

const PATTERNS: Array<[RegExp, (...ids: string[]) => Route]> = [
  [new RegExp(`^/w/${ID}/?$`), (workspaceId) => ({ kind: 'workspace', workspaceId })],
  [new RegExp(`^/w/${ID}/members/?$`), (workspaceId) => ({ kind: 'members', workspaceId })],
  [new RegExp(`^/w/${ID}/review/?$`), (workspaceId) => ({ kind: 'reviewQueue', workspaceId })],
  [new RegExp(`^/w/${ID}/activity/?$`), (workspaceId) => ({ kind: 'activity', workspaceId })],
  [new RegExp(`^/w/${ID}/workshops/?$`), (workspaceId) => ({ kind: 'workshops', workspaceId })],
  [
    new RegExp(`^/w/${ID}/workshops/${ID}/?$`),
    (workspaceId, workshopId) => ({ kind: 'workshop', workspaceId, workshopId }),
  ],
  [
    new RegExp(`^/w/${ID}/workshops/${ID}/copies/${ID}/?$`),
    (workspaceId, workshopId, participantId) => ({ kind: 'workshopCopy', workspaceId, workshopId, participantId }),
  ],
  [new RegExp(`^/a/${ID}/?$`), (articleId) => ({ kind: 'article', articleId })],
  [new RegExp(`^/invite/${ID}/?$`), (code) => ({ kind: 'invite', code })],
  [new RegExp(`^/join/${ID}/?$`), (code) => ({ kind: 'join', code })],
  [new RegExp(`^/workshop/${ID}/?$`), (workshopId) => ({ kind: 'participant', workshopId })],
]

const FIXED: Record<string, Route> = {
  '/': { kind: 'home' },
  '/login': { kind: 'login' },
  '/signup': { kind: 'signup' },
  '/account/tokens': { kind: 'tokens' },
  '/join': { kind: 'join', code: '' },
}

export function parseRoute(pathname: string): Route {
  const fixed = FIXED[pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname]
  if (fixed !== undefined) return fixed
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(pathname)
    if (match !== null) return make(...match.slice(1).map((part) => part ?? ''))
  }
  return { kind: 'notFound', path: pathname }
}

export const workspacePath = (id: string) => `/w/${encodeURIComponent(id)}`
export const membersPath = (id: string) => `/w/${encodeURIComponent(id)}/members`
export const reviewQueuePath = (id: string) => `/w/${encodeURIComponent(id)}/review`
export const activityPath = (id: string) => `/w/${encodeURIComponent(id)}/activity`
export const articlePath = (id: string) => `/a/${encodeURIComponent(id)}`
export const invitePath = (code: string) => `/invite/${encodeURIComponent(code)}`
export const workshopsPath = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/workshops`
export const workshopPath = (workspaceId: string, workshopId: string) =>
  `${workshopsPath(workspaceId)}/${encodeURIComponent(workshopId)}`
export const workshopCopyPath = (workspaceId: string, workshopId: string, participantId: string) =>
  `${workshopPath(workspaceId, workshopId)}/copies/${encodeURIComponent(participantId)}`
export const joinPath = (code?: string) => (code ? `/join/${encodeURIComponent(code)}` : '/join')
export const participantPath = (workshopId: string) => `/workshop/${encodeURIComponent(workshopId)}`

/** Where to go back to after signing in: only our own paths, never another site. */
export function safeNext(raw: string | null): string {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/'
  return raw
}

/** The `next` parameter of the current address (login and signup return there). */
export function currentNext(): string {
  return safeNext(new URLSearchParams(location.search).get('next'))
}

export function loginPath(next?: string): string {
  return next && next !== '/' && next !== '/login' ? `/login?next=${encodeURIComponent(next)}` : '/login'
}

export function signupPath(next?: string): string {
  return next && next !== '/' ? `/signup?next=${encodeURIComponent(next)}` : '/signup'
}

const NAVIGATE_EVENT = 'fc:navigate'

/** Moves to `path` (which may carry a query). `replace` for redirects the Back button should skip. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** onClick for an `<a href>`: plain clicks stay in the app, new-tab clicks keep working. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0)
    return
  event.preventDefault()
  navigate(event.currentTarget.getAttribute('href') ?? '/')
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
