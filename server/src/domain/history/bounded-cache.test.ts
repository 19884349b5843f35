import { describe, expect, it } from 'vitest'
import { BoundedCache } from './bounded-cache.js'

describe('BoundedCache', () => {
  it('keeps at most its limit, dropping the least recently used first', () => {
    const cache = new BoundedCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1) // a is now the most recent
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
    cache.set('a', 10) // a replaced, not duplicated
    cache.set('d', 4)
    expect(cache.get('c')).toBeUndefined()
    expect([cache.get('a'), cache.get('d')]).toEqual([10, 4])
    cache.clear()
    expect(cache.get('a')).toBeUndefined()
  })
})
