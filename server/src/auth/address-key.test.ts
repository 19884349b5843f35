import { describe, expect, it } from 'vitest'
import { addressKey } from './address-key.js'

describe('addressKey', () => {
  it('keeps IPv4 addresses as they are', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
  })

  it('counts an IPv4 address seen through a dual-stack socket as that IPv4 address', () => {
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7')
  })

  it('counts every address of one IPv6 /64 as one client', () => {
    const a = addressKey('2001:db8:85a3:12::1')
    expect(a).toBe('2001:db8:85a3:12::/64')
    expect(addressKey('2001:0db8:85a3:0012:ffff:ffff:ffff:fffe')).toBe(a)
    expect(addressKey('[2001:db8:85a3:12:a:b:c:d]')).toBe(a)
    expect(addressKey('2001:db8:85a3:13::1')).not.toBe(a)
  })

  it('fills in "::" wherever it stands', () => {
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64')
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
  })

  it('leaves what is not an address (a proxy header gone wrong, "unknown") as it is', () => {
    expect(addressKey('unknown')).toBe('unknown')
    expect(addressKey('not:an:address')).toBe('not:an:address')
  })
})
