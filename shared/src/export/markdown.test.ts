import { describe, expect, it } from 'vitest'
import { autolink, blockquote, codeSpan, escapeInline, escapeLines } from './markdown.js'

describe('Markdown escaping', () => {
  it('neutralises inline markup, HTML and entities but leaves ordinary punctuation alone', () => {
    expect(escapeInline('a *b* _c_ [link](http://x) <b>hi</b> `code` a|b ~~s~~ &amp; AT&T, 3.5% (approx.) - ok!')).toBe(
      'a \\*b\\* \\_c\\_ \\[link\\](http\\://x) \\<b\\>hi\\</b\\> \\`code\\` a\\|b \\~\\~s\\~\\~ \\&amp; AT&T, 3.5% (approx.) - ok!',
    )
    expect(escapeInline('two\nlines   here')).toBe('two lines here')
    expect(escapeInline('back\\slash')).toBe('back\\\\slash')
  })

  it('keeps bare URLs, www. names and email addresses from becoming GFM links', () => {
    expect(escapeInline('see https://evil.example, www.evil.example or ops@evil.example')).toBe(
      'see https\\://evil.example, www\\.evil.example or ops\\@evil.example',
    )
    expect(escapeInline('ratio 3:2, a www-less site, HTTP://X')).toBe('ratio 3:2, a www-less site, HTTP\\://X')
  })

  it('stops user lines from starting headings, lists or quotes', () => {
    expect(escapeLines('# h\n- item\n+ item\n> quote\n12. item\n3) item\n=== \nplain')).toEqual([
      '\\# h',
      '\\- item',
      '\\+ item',
      '\\> quote',
      '12\\. item',
      '3\\) item',
      '\\===',
      'plain',
    ])
  })

  it('quotes multi-line text, keeping blank lines inside the quote', () => {
    expect(blockquote('first\n\nsecond', '   ')).toBe('   > first\n   >\n   > second')
  })

  it('makes inert code spans even around backticks', () => {
    expect(codeSpan('javascript:alert(1)')).toBe('` javascript:alert(1) `')
    expect(codeSpan('a `b` c')).toBe('`` a `b` c ``')
  })

  it('encodes characters that would end an autolink', () => {
    expect(autolink('https://example.org/a>b')).toBe('<https://example.org/a%3Eb>')
  })
})
