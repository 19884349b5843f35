import { describe, expect, it } from 'vitest'
import { JoinThrottle } from './join-throttle.js'

const limits = { perAddress: 10, failuresPerAddress: 3, perWorkshop: 5, windowMs: 1000 }

describe('join throttle', () => {
  it('refuses an address after its wrong-code budget, a right code included, until the misses age out', async () => {
    const throttle = new JoinThrottle(limits)
    for (let t = 0; t < 3; t++) expect((await throttle.admit('a', t)).waitMs).toBe(0) // three misses: nobody calls codeMatched
    const locked = await throttle.admit('a', 10)
    expect(locked.waitMs).toBe(990)
    expect(await locked.codeMatched('w')).toBeGreaterThan(0)
    expect((await throttle.admit('b', 10)).waitMs).toBe(0)
    expect((await throttle.admit('a', 1000)).waitMs).toBe(0) // the first miss left the window
  })

  it('does not count right codes as misses', async () => {
    const throttle = new JoinThrottle(limits)
    for (let t = 0; t < 8; t++) {
      const admission = await throttle.admit('a', t)
      expect(admission.waitMs).toBe(0)
      expect(await admission.codeMatched(`w${t % 2}`)).toBe(0)
    }
  })

  it('charges attempts still looking up their code, so a concurrent burst of guesses gets no more than the budget', async () => {
    const throttle = new JoinThrottle(limits)
    const inFlight = await Promise.all([0, 1, 2, 3].map(() => throttle.admit('a', 5)))
    expect(inFlight.map((x) => x.waitMs > 0)).toEqual([false, false, false, true])
    expect(await inFlight[0]!.codeMatched('w')).toBe(0)
    expect((await throttle.admit('a', 6)).waitMs).toBe(0) // the right code freed its slot
  })

  it('limits joins per address and per workshop, and an address refused for volume has not missed', async () => {
    const throttle = new JoinThrottle(limits)
    for (let t = 0; t < 5; t++) expect(await (await throttle.admit(`x${t}`, t)).codeMatched('w')).toBe(0)
    expect(await (await throttle.admit('x9', 5)).codeMatched('w')).toBeGreaterThan(0)
    expect(await (await throttle.admit('x9', 5)).codeMatched('other')).toBe(0)

    for (let t = 0; t < 10; t++) await (await throttle.admit('a', t)).codeMatched(`w${t}`)
    for (let t = 10; t < 20; t++) expect((await throttle.admit('a', t)).waitMs).toBeGreaterThan(0)
    // Ten refusals for volume charged no misses: once the window moves on, a join goes through.
    const later = await throttle.admit('a', 1000)
    expect(later.waitMs).toBe(0)
    expect(await later.codeMatched('w-late')).toBe(0)
  })
})
