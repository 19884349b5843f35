import { useCallback, useSyncExternalStore } from 'react'
import type { Comment } from '@fc/shared/schema/index'

/**
 * Which comments this person has seen, per claim, kept in this browser (localStorage):
 * what is unread is personal and needs no round trip. Comment ids, not times, so clock
 * differences between browsers never hide a comment.
 */
const PREFIX = 'fc.claims.read.v1:'
/** Claims remembered per person; the least recently read are forgotten first. */
const MAX_CLAIMS = 400

type Marks = Record<string, { ids: string[]; at: number }>

const cache = new Map<string, Marks>()
const listeners = new Set<() => void>()
let version = 0

function load(userId: string): Marks {
  const cached = cache.get(userId)
  if (cached !== undefined) return cached
  let marks: Marks = {}
  try {
    const raw = localStorage.getItem(PREFIX + userId)
    const parsed: unknown = raw === null ? {} : JSON.parse(raw)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) marks = parsed as Marks
  } catch {
    // Unreadable or blocked storage: everything counts as unread, which is the safe side.
  }
  cache.set(userId, marks)
  return marks
}

function save(userId: string, marks: Marks): void {
  const entries = Object.entries(marks)
  if (entries.length > MAX_CLAIMS) {
    entries.sort((a, b) => b[1].at - a[1].at)
    marks = Object.fromEntries(entries.slice(0, MAX_CLAIMS))
  }
  cache.set(userId, marks)
  try {
    localStorage.setItem(PREFIX + userId, JSON.stringify(marks))
  } catch {
    // Full or blocked: the marks still hold for this visit.
  }
  version++
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    // Another tab read something: drop the cache so both tabs agree.
    if (event.key?.startsWith(PREFIX)) {
      cache.delete(event.key.slice(PREFIX.length))
      version++
      listener()
    }
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** Comments on a claim that someone else wrote and this person has not seen yet. */
export function unreadCount(userId: string, claimId: string, comments: readonly Comment[]): number {
  const seen = new Set(load(userId)[claimId]?.ids ?? [])
  return comments.filter((c) => c.author !== userId && !seen.has(c.id)).length
}

/** Marks every comment of the claim as read (only ids still in the thread are kept). */
export function markRead(userId: string, claimId: string, comments: readonly Comment[]): void {
  const marks = load(userId)
  const ids = comments.map((c) => c.id)
  const previous = marks[claimId]?.ids ?? []
  if (previous.length === ids.length && ids.every((id) => previous.includes(id))) return
  save(userId, { ...marks, [claimId]: { ids, at: Date.now() } })
}

/** Re-renders when any read mark changes (here or in another tab); returns the unread counter. */
export function useReadMarks(userId: string): {
  unread: (claimId: string, comments: readonly Comment[]) => number
  markRead: (claimId: string, comments: readonly Comment[]) => void
} {
  const current = useSyncExternalStore(subscribe, () => version)
  // `current` is part of the deps so consumers see a new function after every change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` stands for the stored marks: consumers get a new function after every change
  const unread = useCallback(
    (claimId: string, comments: readonly Comment[]) => unreadCount(userId, claimId, comments),
    [userId, current],
  )
  const mark = useCallback(
    (claimId: string, comments: readonly Comment[]) => markRead(userId, claimId, comments),
    [userId],
  )
  return { unread, markRead: mark }
}
