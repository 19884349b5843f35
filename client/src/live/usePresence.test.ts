import { describe, expect, it } from 'vitest'
import { peopleFrom, samePeopleOr } from './usePresence'

const states = (cursor: number) =>
  new Map<number, Record<string, unknown>>([
    [1, { user: { id: 'u1', name: 'Amina', color: '#2e90fa' }, cursor: { anchor: cursor } }],
    [2, { user: { id: 'u2', name: 'Bilal', color: '#f79009' } }],
  ])

describe('samePeopleOr', () => {
  it('keeps the list it has when only a caret moved, so the screen is not rendered again', () => {
    const before = peopleFrom(states(1), 1)
    const after = samePeopleOr(before, peopleFrom(states(2), 1))
    expect(after).toBe(before)
  })

  it('takes the new list when someone arrives, leaves or is renamed', () => {
    const before = peopleFrom(states(1), 1)
    const arrived = new Map(states(1)).set(3, { user: { id: 'u3', name: 'Chen', color: '#12b76a' } })
    expect(samePeopleOr(before, peopleFrom(arrived, 1)).map((p) => p.name)).toEqual(['Amina', 'Bilal', 'Chen'])
    const renamed = new Map(states(1)).set(2, { user: { id: 'u2', name: 'Bilal K.', color: '#f79009' } })
    expect(samePeopleOr(before, peopleFrom(renamed, 1))).not.toBe(before)
    const left = new Map(states(1))
    left.delete(2)
    expect(samePeopleOr(before, peopleFrom(left, 1))).toHaveLength(1)
  })
})
