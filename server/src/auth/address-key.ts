import { isIPv6 } from 'node:net'

/**
 * The key a client's requests are counted under by the rate limits. An IPv6 host is
 * usually handed a whole /64 and can pick any address in it, so counting per full address
 * would give it 2^64 budgets: IPv6 addresses count per /64. An IPv4 address seen through a
 * dual-stack socket (::ffff:203.0.113.7) counts as that IPv4 address.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!isIPv6(bare)) return bare
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)
  if (mapped) return mapped[1]!
  return `${expand(bare).slice(0, 4).join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address, "::" filled in, lower case, no leading zeros. */
function expand(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::')
  const groups = (part: string): string[] => (part ? part.split(':') : [])
  // An embedded IPv4 tail (::1.2.3.4 forms) stands for two groups; only the first four matter here.
  const left = groups(head)
  const right = tail === undefined ? [] : groups(tail)
  const fill = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0')
  return left.concat(fill, right).map((g) => (g.includes('.') ? g : (parseInt(g, 16) || 0).toString(16)))
}
