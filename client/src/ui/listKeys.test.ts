import { describe, expect, it } from 'vitest'
import { listMoveTarget } from './listKeys'

describe('list keys (claims, suggestions)', () => {
  it('step with j/k and the arrows, stopping at either end', () => {
    expect(listMoveTarget('j', 0, 3)).toBe(1)
    expect(listMoveTarget('ArrowDown', 1, 3)).toBe(2)
    expect(listMoveTarget('j', 2, 3)).toBe(2)
    expect(listMoveTarget('k', 2, 3)).toBe(1)
    expect(listMoveTarget('ArrowUp', 0, 3)).toBe(0)
  })

  it('enter the list from outside it at the near end', () => {
    expect(listMoveTarget('j', -1, 3)).toBe(0)
    expect(listMoveTarget('k', -1, 3)).toBe(2)
  })

  it('jump with Home and End', () => {
    expect(listMoveTarget('Home', 2, 3)).toBe(0)
    expect(listMoveTarget('End', 0, 3)).toBe(2)
  })

  it('leave other keys and empty lists alone', () => {
    expect(listMoveTarget('x', 0, 3)).toBeNull()
    expect(listMoveTarget('Enter', 0, 3)).toBeNull()
    expect(listMoveTarget('J', 0, 3)).toBeNull()
    expect(listMoveTarget('j', -1, 0)).toBeNull()
    expect(listMoveTarget('Home', -1, 0)).toBeNull()
  })
})
