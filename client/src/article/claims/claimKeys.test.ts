import { describe, expect, it } from 'vitest'
import { claimKeyAction, nextStatus } from './claimKeys'

describe('claim shortcuts', () => {
  it('maps number keys to the scale, and only as far as it goes', () => {
    expect(claimKeyAction('1', 7)).toEqual({ kind: 'verdict', index: 0 })
    expect(claimKeyAction('7', 7)).toEqual({ kind: 'verdict', index: 6 })
    expect(claimKeyAction('8', 7)).toBeNull()
    expect(claimKeyAction('0', 7)).toBeNull()
  })

  it('names the other single keys, and nothing else', () => {
    expect(claimKeyAction('s', 7)).toEqual({ kind: 'status', step: 1 })
    expect(claimKeyAction('S', 7)).toEqual({ kind: 'status', step: -1 })
    expect(claimKeyAction('e', 7)).toEqual({ kind: 'evidence' })
    expect(claimKeyAction('c', 7)).toEqual({ kind: 'comment' })
    expect(claimKeyAction('?', 7)).toEqual({ kind: 'help' })
    expect(claimKeyAction('x', 7)).toBeNull()
  })

  it('steps the status without wrapping', () => {
    expect(nextStatus('open', 1)).toBe('researching')
    expect(nextStatus('done', 1)).toBe('done')
    expect(nextStatus('open', -1)).toBe('open')
    expect(nextStatus('needs-review', -1)).toBe('researching')
  })
})
