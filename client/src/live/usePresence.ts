import { useEffect, useState } from 'react'
import type { CollabSession } from './useCollabDoc'

export interface Person {
  /** The user id when the peer sent one, else its awareness client id. */
  key: string
  name: string
  color: string
  isSelf: boolean
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

/** Everyone with this article open right now, you first, then by name. */
export function usePresence(session: CollabSession | null): Person[] {
  const [people, setPeople] = useState<Person[]>([])

  useEffect(() => {
    if (session === null) {
      setPeople([])
      return
    }
    const { awareness } = session.provider
    // Same people, same list: a caret moving (every keystroke, here or in another window) is
    // a 'change' too, and a new array would render the whole article screen again with it.
    const update = () =>
      setPeople((current) => samePeopleOr(current, peopleFrom(awareness.getStates(), awareness.clientID)))
    update()
    // 'change' fires only when someone arrives, leaves or changes state, not on the
    // 15-second keep-alive heartbeats that 'update' also reports.
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [session])

  return people
}

export function peopleFrom(states: Map<number, Record<string, unknown>>, selfClientId: number): Person[] {
  const byKey = new Map<string, Person>()
  for (const [clientId, state] of states) {
    const user = state.user
    if (typeof user !== 'object' || user === null) continue
    const { id, name, color } = user as Record<string, unknown>
    if (typeof name !== 'string' || name.trim() === '') continue
    // The same person in two tabs shares an id: list them once.
    const key = typeof id === 'string' && id !== '' ? `user:${id}` : `client:${clientId}`
    const isSelf = clientId === selfClientId
    const existing = byKey.get(key)
    if (existing !== undefined) {
      existing.isSelf ||= isSelf
      continue
    }
    byKey.set(key, {
      key,
      name: name.trim().slice(0, 40),
      color: typeof color === 'string' && HEX_COLOR.test(color) ? color : '#475467',
      isSelf,
    })
  }
  return [...byKey.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}

/** `current` when `next` lists the same people the same way, else `next`. */
export function samePeopleOr(current: Person[], next: Person[]): Person[] {
  if (current.length !== next.length) return next
  const same = current.every((p, i) => {
    const n = next[i]!
    return p.key === n.key && p.name === n.name && p.color === n.color && p.isSelf === n.isSelf
  })
  return same ? current : next
}
