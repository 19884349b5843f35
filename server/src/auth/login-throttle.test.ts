import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './login-throttle.js'

const limits = { perDevice: 2, perAddress: 6, perAccountAddress: 3, perAccount: 5, windowMs: 1000 }
const waits = async (throttle: LoginThrottle, attempts: Parameters<LoginThrottle['admit']>[0][], now = 0) => {
  const out: boolean[] = []
  for (const a of attempts) out.push((await throttle.admit(a, now)).waitMs > 0)
  return out
}

describe('login throttle', () => {
  it('a guesser at one address is stopped at its account+address budget; the owner elsewhere, and the owner’s device, still get in', async () => {
    const throttle = new LoginThrottle(limits)
    const guess = { account: 'x', address: 'A' }
    expect(await waits(throttle, Array(8).fill(guess))).toEqual([false, false, false, true, true, true, true, true])
    expect((await throttle.admit({ account: 'x', address: 'B' }, 0)).waitMs).toBe(0)
    expect((await throttle.admit({ account: 'x', address: 'A', device: 'd1' }, 0)).waitMs).toBe(0)
    // The refused guesses were not charged: the account's total (5) still has room for one more address.
    expect((await throttle.admit({ account: 'x', address: 'C' }, 0)).waitMs).toBe(0)
    expect((await throttle.admit({ account: 'x', address: 'D' }, 0)).waitMs).toBeGreaterThan(0)
    // Past the account's untrusted total, a device still has its own bucket.
    expect((await throttle.admit({ account: 'x', address: 'D', device: 'd2' }, 0)).waitMs).toBe(0)
  })

  it('per address across accounts; a refused attempt charges no other bucket', async () => {
    const throttle = new LoginThrottle(limits)
    const spray = Array.from({ length: 8 }, (_, i) => ({ account: `a${i}`, address: 'S' }))
    expect(await waits(throttle, spray)).toEqual([false, false, false, false, false, false, true, true])
    // a6 and a7 were refused at the address: their accounts have all their budget from elsewhere.
    expect(await waits(throttle, Array(3).fill({ account: 'a7', address: 'T' }))).toEqual([false, false, false])
  })

  it('a device has a small budget of its own; success clears the client’s own mistakes, the window frees the rest', async () => {
    const throttle = new LoginThrottle({ ...limits, perAccount: 10 })
    const mine = { account: 'x', address: 'A', device: 'd' }
    expect(await waits(throttle, [mine, mine, mine])).toEqual([false, false, true])
    expect(await waits(throttle, [{ ...mine, device: 'other' }])).toEqual([false])
    const untrusted = { account: 'x', address: 'A' }
    expect(await waits(throttle, [untrusted, untrusted])).toEqual([false, false])
    await (await throttle.admit(untrusted, 0)).succeeded()
    expect(await waits(throttle, [untrusted, untrusted, untrusted])).toEqual([false, false, false])
    expect((await throttle.admit(mine, 1000)).waitMs).toBe(0)
  })
})
