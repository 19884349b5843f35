import { describe, expect, it } from 'vitest'
import { isSafeHttpUrl } from './safe-url.js'

describe('isSafeHttpUrl', () => {
  it('accepts absolute http and https links', () => {
    for (const url of [
      'https://example.org',
      'http://example.org/a?b=c#d',
      'HTTPS://EXAMPLE.ORG/x',
      'https://[::1]:8080/',
    ]) {
      expect(isSafeHttpUrl(url), url).toBe(true)
    }
  })

  it('refuses other schemes, relative and disguised URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://example.org',
      '//example.org/path',
      '/relative',
      'https://trusted.example@evil.example/',
      'https://user:pw@example.org',
      ' https://example.org',
      'https://exa mple.org',
      'https://example.org/\n',
      'https://',
      `https://example.org/${'a'.repeat(2048)}`,
      '',
    ]) {
      expect(isSafeHttpUrl(url), JSON.stringify(url)).toBe(false)
    }
    expect(isSafeHttpUrl(undefined)).toBe(false)
    expect(isSafeHttpUrl(42)).toBe(false)
  })
})
