import { describe, expect, it } from 'vitest'
import {
  dismissalKey,
  MAX_DISMISSED,
  readDismissed,
  withDismissed,
  withoutDismissed,
  writeDismissed,
  type DismissalStore,
} from './dismissals'

function memoryStore(): DismissalStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('dismissals', () => {
  it('are kept per person and article', () => {
    expect(dismissalKey('u1', 'a1')).not.toBe(dismissalKey('u2', 'a1'))
    expect(dismissalKey('u1', 'a1')).not.toBe(dismissalKey('u1', 'a2'))
  })

  it('round-trip through storage', () => {
    const store = memoryStore()
    const key = dismissalKey('u1', 'a1')
    expect(readDismissed(store, key)).toEqual([])
    writeDismissed(store, key, withDismissed([], 'The group said 84 soldiers died.'))
    expect(readDismissed(store, key)).toEqual(['The group said 84 soldiers died.'])
  })

  it('add a quote once, as the newest, and remove it again', () => {
    const list = withDismissed(withDismissed(withDismissed([], 'a'), 'b'), 'a')
    expect(list).toEqual(['b', 'a'])
    expect(withoutDismissed(list, 'b')).toEqual(['a'])
    expect(withoutDismissed(list, 'not there')).toEqual(['b', 'a'])
  })

  it('forget the oldest past the limit', () => {
    let list: string[] = []
    for (let i = 0; i <= MAX_DISMISSED; i++) list = withDismissed(list, `q${i}`)
    expect(list).toHaveLength(MAX_DISMISSED)
    expect(list[0]).toBe('q1')
    expect(list.at(-1)).toBe(`q${MAX_DISMISSED}`)
  })

  it('read as none when storage is missing, corrupt or holds something else', () => {
    const store = memoryStore()
    expect(readDismissed(null, 'k')).toEqual([])
    store.data.set('k', '{not json')
    expect(readDismissed(store, 'k')).toEqual([])
    store.data.set('k', '{"a":1}')
    expect(readDismissed(store, 'k')).toEqual([])
    store.data.set('k', '["kept", 3, null]')
    expect(readDismissed(store, 'k')).toEqual(['kept'])
  })

  it('survive a store that refuses writes', () => {
    const full: DismissalStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => writeDismissed(full, 'k', ['a'])).not.toThrow()
  })
})
