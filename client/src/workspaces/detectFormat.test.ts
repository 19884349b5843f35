import { describe, expect, it } from 'vitest'
import { detectFormat } from './detectFormat'

describe('detectFormat', () => {
  it('recognises HTML, a whole page or a fragment', () => {
    expect(detectFormat('<!DOCTYPE html><html><body><p>Hi</p></body></html>')).toBe('html')
    expect(detectFormat('<h1>Roads</h1>\n<p>The minister said <strong>40%</strong> were repaired.</p>')).toBe('html')
  })

  it('recognises Markdown by its headings, links and emphasis', () => {
    expect(detectFormat('# Roads\n\nThe minister said **40%** were repaired.')).toBe('markdown')
    expect(detectFormat('Intro\n\n## Budget\n\n- one\n- two')).toBe('markdown')
    expect(detectFormat('See [the report](https://example.org/r) and [the data](https://example.org/d).')).toBe(
      'markdown',
    )
  })

  it('leaves prose alone, even with a stray tag, a hash or a dash list', () => {
    expect(detectFormat('The minister said 40% of roads were repaired.\n\nCritics disagreed.')).toBe('text')
    expect(detectFormat('Use the <br> tag, he wrote, as if it were 1999.')).toBe('text')
    expect(detectFormat('#1 in the charts for the third week.\n- said the label')).toBe('text')
    expect(detectFormat('Timeline:\n- Monday: talks\n- Tuesday: a deal')).toBe('text')
  })
})
