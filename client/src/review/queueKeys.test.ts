import { describe, expect, it } from 'vitest'
import { focusAfterRemoval, queueKeyAction } from './queueKeys'

const editor = { index: 1, length: 3, canDecide: true, hasVerdict: true }

describe('review queue keys', () => {
  it('moves with j/k and the arrows, stopping at either end', () => {
    expect(queueKeyAction('j', editor)).toEqual({ kind: 'move', to: 2 })
    expect(queueKeyAction('ArrowUp', editor)).toEqual({ kind: 'move', to: 0 })
    expect(queueKeyAction('j', { ...editor, index: 2 })).toEqual({ kind: 'move', to: 2 })
    expect(queueKeyAction('k', { ...editor, index: -1 })).toEqual({ kind: 'move', to: 2 })
    expect(queueKeyAction('Home', editor)).toEqual({ kind: 'move', to: 0 })
  })

  it('opens, approves and requests changes on the focused item', () => {
    expect(queueKeyAction('Enter', editor)).toEqual({ kind: 'open', index: 1 })
    expect(queueKeyAction('a', editor)).toEqual({ kind: 'approve', index: 1 })
    expect(queueKeyAction('r', editor)).toEqual({ kind: 'request-changes', index: 1 })
  })

  it('decides nothing without a focused item, for a checker, or approving without a verdict', () => {
    expect(queueKeyAction('a', { ...editor, index: -1 })).toBeNull()
    expect(queueKeyAction('Enter', { ...editor, index: -1 })).toBeNull()
    expect(queueKeyAction('a', { ...editor, canDecide: false })).toBeNull()
    expect(queueKeyAction('r', { ...editor, canDecide: false })).toBeNull()
    expect(queueKeyAction('Enter', { ...editor, canDecide: false })).toEqual({ kind: 'open', index: 1 })
    expect(queueKeyAction('a', { ...editor, hasVerdict: false })).toBeNull()
    expect(queueKeyAction('r', { ...editor, hasVerdict: false })).toEqual({ kind: 'request-changes', index: 1 })
  })

  it('ignores other keys and an empty queue', () => {
    expect(queueKeyAction('x', editor)).toBeNull()
    expect(queueKeyAction('j', { ...editor, index: -1, length: 0 })).toBeNull()
    expect(queueKeyAction('a', { ...editor, index: 0, length: 0 })).toBeNull()
  })

  it('keeps focus in place after a decided item leaves, or on the new last one', () => {
    expect(focusAfterRemoval(1, 2)).toBe(1)
    expect(focusAfterRemoval(2, 2)).toBe(1)
    expect(focusAfterRemoval(0, 0)).toBe(-1)
  })
})
