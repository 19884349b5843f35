import { describe, expect, it } from 'vitest'
import { MAX_CONTAINER_DEPTH } from '../articles/block-tree.js'
import type { TextBlock } from '../articles/body.js'
import { blocksFromBody, blocksFromHtml, blocksFromMarkdown, sanitizeArticleHtml } from './article-import.js'

/** For inputs that are paragraphs and headings only. */
const textBlocks = (html: string): TextBlock[] => blocksFromHtml(html) as TextBlock[]

const LINK = 'https://news.example/roads'

describe('HTML import keeps the editor’s inline marks', () => {
  it('reads bold, italic, strike, underline, code and links into runs of the block', () => {
    const [block] = textBlocks(
      `<p>The <strong>minister</strong> said <em>40%</em> of <a href="${LINK}">roads</a> were <s>fixed</s> <u>repaired</u> by <code>2025</code>.</p>`,
    )
    expect(block).toEqual({
      type: 'paragraph',
      text: 'The minister said 40% of roads were fixed repaired by 2025.',
      runs: [
        { text: 'The ' },
        { text: 'minister', marks: { bold: true } },
        { text: ' said ' },
        { text: '40%', marks: { italic: true } },
        { text: ' of ' },
        { text: 'roads', marks: { link: { href: LINK } } },
        { text: ' were ' },
        { text: 'fixed', marks: { strike: true } },
        { text: ' ' },
        { text: 'repaired', marks: { underline: true } },
        { text: ' by ' },
        { text: '2025', marks: { code: true } },
        { text: '.' },
      ],
    })
  })

  it('nests bold and italic, in either order and with b/i', () => {
    for (const html of ['<p>a <strong><em>both</em> bold</strong></p>', '<p>a <b><i>both</i> bold</b></p>']) {
      expect(textBlocks(html)[0]!.runs).toEqual([
        { text: 'a ' },
        { text: 'both', marks: { bold: true, italic: true } },
        { text: ' bold', marks: { bold: true } },
      ])
    }
    expect(textBlocks('<p><em>x <strong>y</strong></em></p>')[0]!.runs).toEqual([
      { text: 'x ', marks: { italic: true } },
      { text: 'y', marks: { italic: true, bold: true } },
    ])
  })

  it('keeps bold text inside a link as both', () => {
    expect(textBlocks(`<p>See <a href="${LINK}">the <b>official</b> data</a>.</p>`)[0]!.runs).toEqual([
      { text: 'See ' },
      { text: 'the ', marks: { link: { href: LINK } } },
      { text: 'official', marks: { link: { href: LINK }, bold: true } },
      { text: ' data', marks: { link: { href: LINK } } },
      { text: '.' },
    ])
  })

  it.each([
    ['javascript:', '<a href="javascript:alert(1)">click</a>'],
    ['entity-obfuscated javascript:', '<a href="java&#115;cript:alert(1)">click</a>'],
    ['data:', '<a href="data:text/html,<script>alert(1)</script>">click</a>'],
    ['protocol-relative', '<a href="//evil.example/">click</a>'],
    ['relative', '<a href="/api/tokens">click</a>'],
    ['credentials', '<a href="https://trusted.example@evil.example/">click</a>'],
  ])('turns a %s link into plain text', (_what, anchor) => {
    const [block] = textBlocks(`<p>Please ${anchor} here</p>`)
    expect(block).toEqual({ type: 'paragraph', text: 'Please click here' })
  })

  it('keeps mailto and http links, with the entity-encoded href decoded', () => {
    const runs = textBlocks(
      '<p><a href="mailto:desk@news.example">desk</a> <a href="http://a.example/?x=1&amp;y=2">q</a></p>',
    )[0]!.runs
    expect(runs).toEqual([
      { text: 'desk', marks: { link: { href: 'mailto:desk@news.example' } } },
      { text: ' ' },
      { text: 'q', marks: { link: { href: 'http://a.example/?x=1&y=2' } } },
    ])
  })

  it('lets code exclude other marks, as the editor does', () => {
    expect(textBlocks(`<p><b>bold <code>x</code></b> <a href="${LINK}"><code>y</code></a></p>`)[0]!.runs).toEqual([
      { text: 'bold ', marks: { bold: true } },
      { text: 'x', marks: { code: true } },
      { text: ' ' },
      { text: 'y', marks: { code: true } },
    ])
  })

  it('collapses whitespace across mark boundaries so the plain text is unchanged', () => {
    const [block] = textBlocks('<p>  <b> a  </b>  <i> b </i>  c\n</p>')
    expect(block!.text).toBe('a b c')
    expect(block!.runs).toEqual([
      { text: 'a ', marks: { bold: true } },
      { text: 'b ', marks: { italic: true } },
      { text: 'c' },
    ])
  })

  it('leaves unmarked blocks plain and carries marks across a <br> and into headings', () => {
    expect(textBlocks('<p>plain <span>text</span> <mark>here</mark></p>')).toEqual([
      { type: 'paragraph', text: 'plain text here' },
    ])
    expect(textBlocks('<h2>A <em>big</em> day</h2><p><b>one<br>two</b></p>')).toEqual([
      {
        type: 'heading',
        level: 2,
        text: 'A big day',
        runs: [{ text: 'A ' }, { text: 'big', marks: { italic: true } }, { text: ' day' }],
      },
      { type: 'paragraph', text: 'one', runs: [{ text: 'one', marks: { bold: true } }] },
      { type: 'paragraph', text: 'two', runs: [{ text: 'two', marks: { bold: true } }] },
    ])
  })
})

describe('Markdown import keeps marks', () => {
  it('reads **bold**, *italic*, ***both***, ~~strike~~, `code` and links; refuses a javascript: link', () => {
    const blocks = blocksFromMarkdown(
      '# The **roads** report\n\nSaid **40%**, *twice*, ***really*** ~~not~~ `x` and [the data](https://data.example/roads "t") [no](javascript:alert(1)).',
    ) as TextBlock[]
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 1,
      text: 'The roads report',
      runs: [{ text: 'The ' }, { text: 'roads', marks: { bold: true } }, { text: ' report' }],
    })
    expect(blocks[1]!.text).toBe('Said 40%, twice, really not x and the data no.')
    expect(blocks[1]!.runs).toEqual([
      { text: 'Said ' },
      { text: '40%', marks: { bold: true } },
      { text: ', ' },
      { text: 'twice', marks: { italic: true } },
      { text: ', ' },
      { text: 'really', marks: { bold: true, italic: true } },
      { text: ' ' },
      { text: 'not', marks: { strike: true } },
      { text: ' ' },
      { text: 'x', marks: { code: true } },
      { text: ' and ' },
      { text: 'the data', marks: { link: { href: 'https://data.example/roads' } } },
      { text: ' no.' },
    ])
  })
})

const p = (text: string) => ({ type: 'paragraph', text })
const li = (...content: unknown[]) => ({ type: 'listItem', content })

describe('HTML import keeps the block structure', () => {
  it('reads every heading level as itself', () => {
    expect(blocksFromHtml('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>')).toEqual(
      [1, 2, 3, 4, 5, 6].map((level, i) => ({ type: 'heading', level, text: 'abcdef'[i] })),
    )
  })

  it('reads ul and ol as lists of items holding paragraphs, marks kept', () => {
    expect(
      blocksFromHtml('<ul><li>One <b>two</b></li><li><p>Three</p><p>Four</p></li></ul><ol><li>First</li></ol>'),
    ).toEqual([
      {
        type: 'bulletList',
        content: [
          li({ type: 'paragraph', text: 'One two', runs: [{ text: 'One ' }, { text: 'two', marks: { bold: true } }] }),
          li(p('Three'), p('Four')),
        ],
      },
      { type: 'orderedList', start: 1, content: [li(p('First'))] },
    ])
  })

  it('nests lists inside items, at any depth, and keeps an item that opens with a list valid', () => {
    expect(
      blocksFromHtml(
        '<ul><li>Top<ol><li>Mid<ul><li>Deep</li></ul></li></ol></li><li><ul><li>Only nested</li></ul></li></ul>',
      ),
    ).toEqual([
      {
        type: 'bulletList',
        content: [
          li(p('Top'), {
            type: 'orderedList',
            start: 1,
            content: [li(p('Mid'), { type: 'bulletList', content: [li(p('Deep'))] })],
          }),
          // The editor's list item must start with a paragraph: an empty one goes first.
          li(p(''), { type: 'bulletList', content: [li(p('Only nested'))] }),
        ],
      },
    ])
  })

  it('keeps a numeric ol start and drops any other', () => {
    expect(blocksFromHtml('<ol start="3"><li>c</li></ol>')).toEqual([
      { type: 'orderedList', start: 3, content: [li(p('c'))] },
    ])
    expect(blocksFromHtml('<ol start=" 007 "><li>g</li></ol>')).toEqual([
      { type: 'orderedList', start: 7, content: [li(p('g'))] },
    ])
    for (const start of ['javascript:alert(1)', '3x', '-1', '1e9', '99999999999', '']) {
      expect(blocksFromHtml(`<ol start="${start}"><li>x</li></ol>`)).toEqual([
        { type: 'orderedList', start: 1, content: [li(p('x'))] },
      ])
    }
  })

  it('reads a blockquote as a quote holding its paragraphs and other blocks', () => {
    expect(
      blocksFromHtml(
        '<p>He said:</p><blockquote><p>We fixed <em>40%</em>.</p><p>All of them.</p><ul><li>roads</li></ul></blockquote>',
      ),
    ).toEqual([
      p('He said:'),
      {
        type: 'blockquote',
        content: [
          {
            type: 'paragraph',
            text: 'We fixed 40%.',
            runs: [{ text: 'We fixed ' }, { text: '40%', marks: { italic: true } }, { text: '.' }],
          },
          p('All of them.'),
          { type: 'bulletList', content: [li(p('roads'))] },
        ],
      },
    ])
    expect(blocksFromHtml('<blockquote>Bare text<blockquote>inner</blockquote></blockquote>')).toEqual([
      { type: 'blockquote', content: [p('Bare text'), { type: 'blockquote', content: [p('inner')] }] },
    ])
  })

  it('reads pre, with or without code, as a code block of its text verbatim: newlines, spaces and < kept, no marks', () => {
    // As HTML: `<` escaped, except where no tag can start (`< d`).
    const code = 'if (a &lt; b &amp;&amp; c < d) {\n    return "&lt;b&gt;";\n}\n\n// done'
    const verbatim = 'if (a < b && c < d) {\n    return "<b>";\n}\n\n// done'
    expect(blocksFromHtml(`<pre>${code}</pre>`)).toEqual([{ type: 'codeBlock', text: verbatim }])
    expect(blocksFromHtml(`<pre><code class="language-js">${code}\n</code></pre>`)).toEqual([
      { type: 'codeBlock', text: verbatim, language: 'js' },
    ])
    expect(blocksFromHtml('<pre>\n  <b>bold</b> <a href="https://x.example/">link</a><br>next\r\nline</pre>')).toEqual([
      { type: 'codeBlock', text: '  bold link\nnext\nline' },
    ])
  })

  it('keeps whatever the HTML nests where it belongs, and the tree valid for the editor', () => {
    // Content straight in a list joins the item before it, as a browser shows it.
    expect(blocksFromHtml('<ul><li>a</li><ul><li>b</li></ul>c<li>d</li></ul>')).toEqual([
      { type: 'bulletList', content: [li(p('a'), { type: 'bulletList', content: [li(p('b'))] }, p('c')), li(p('d'))] },
    ])
    expect(blocksFromHtml('<ol>lead<li>x</li></ol>')).toEqual([
      { type: 'orderedList', start: 1, content: [li(p('lead')), li(p('x'))] },
    ])
    // A list item outside a list is its text; empty items, lists, quotes and code are dropped.
    expect(
      blocksFromHtml('<li>orphan</li><ul><li> </li></ul><ol></ol><blockquote> </blockquote><pre>\n</pre><p>end</p>'),
    ).toEqual([p('orphan'), p('end')])
    expect(blocksFromHtml('<ul><li><pre>x</pre></li><li><blockquote>q</blockquote></li></ul>')).toEqual([
      {
        type: 'bulletList',
        content: [li(p(''), { type: 'codeBlock', text: 'x' }), li(p(''), { type: 'blockquote', content: [p('q')] })],
      },
    ])
  })

  it('flattens containers nested past the depth limit, keeping all their text', () => {
    const depth = 5000
    const blocks = blocksFromHtml(`${'<blockquote>'.repeat(depth)}deep${'</blockquote>'.repeat(depth)}<p>after</p>`)
    let levels = 0
    let node: unknown = { content: blocks }
    while ((node as { content?: unknown[] }).content !== undefined) {
      node = (node as { content: unknown[] }).content[0]
      levels++
    }
    expect(node).toEqual(p('deep'))
    expect(levels - 1).toBe(MAX_CONTAINER_DEPTH)
    expect(blocks.at(-1)).toEqual(p('after'))
  })
})

describe('Markdown nested past what marked can recurse', () => {
  /** How deep the first block's first child goes, and what it ends in. */
  function deepest(blocks: unknown[]): { levels: number; node: unknown } {
    let levels = 0
    let node: unknown = { content: blocks }
    while ((node as { content?: unknown[] }).content !== undefined) {
      node = (node as { content: unknown[] }).content.at(-1)
      levels++
    }
    return { levels: levels - 1, node }
  }

  it.each([
    ['20,000 `>`', `${'>'.repeat(20_000)} deep`],
    ['5,000 `- `', `${'- '.repeat(5000)}deep`],
    ['5,000 `1. `', `${'1. '.repeat(5000)}deep`],
    ['5,000 `> - `', `${'> - '.repeat(5000)}deep`],
  ])('%s in a row: flattened into the deepest container kept, the text with it', (_, markdown) => {
    const { levels, node } = deepest(blocksFromMarkdown(markdown))
    expect(node).toEqual(p('deep'))
    // As deep as the reader keeps any HTML (a list item the builder opens may add one level).
    expect(levels).toBeGreaterThanOrEqual(MAX_CONTAINER_DEPTH - 1)
    expect(levels).toBeLessThanOrEqual(MAX_CONTAINER_DEPTH + 1)
  })

  it('markers a reader could mean are read as ever: a quote in a quote, lists in lists, a rule of `* * *`', () => {
    expect(blocksFromMarkdown('> a\n> > b\n\n* * *\n\n- x\n  - y')).toEqual([
      { type: 'blockquote', content: [p('a'), { type: 'blockquote', content: [p('b')] }] },
      { type: 'horizontalRule' },
      { type: 'bulletList', content: [li(p('x'), { type: 'bulletList', content: [li(p('y'))] })] },
    ])
  })
})

describe('hostile structure yields safe blocks with all its text', () => {
  it.each([
    [
      'an ol start that is a script',
      '<ol start="javascript:alert(1)" onclick="alert(2)" type="a" reversed><li>one</li></ol>',
      '<ol type="a"><li>one</li></ol>',
    ],
    [
      'event handlers on a quote and a list',
      '<blockquote onclick="alert(1)" cite="javascript:alert(2)" style="x"><p>said</p></blockquote><ul onmouseover="alert(3)"><li onclick="x()">item</li></ul>',
      '<blockquote><p>said</p></blockquote><ul><li>item</li></ul>',
    ],
    [
      'a script in a pre',
      '<pre><script>alert(1)</script>x &lt; y<img src=x onerror=alert(1)></pre>',
      '<pre>x &lt; y</pre>',
    ],
    [
      'a code class breaking out of its quotes',
      `<pre class="language-js" data-x="1"><code class='language-js" onclick="alert(1)' onload="y()">a</code></pre>`,
      '<pre><code>a</code></pre>',
    ],
    [
      'a code class holding markup',
      '<pre><code class="language-<script>alert(1)</script>">a</code></pre>',
      '<pre><code>a</code></pre>',
    ],
  ])('%s', (_what, html, sanitized) => {
    expect(sanitizeArticleHtml(html)).toBe(sanitized)
    expect(JSON.stringify(blocksFromHtml(html))).not.toMatch(/alert|script|onclick|onerror|javascript|language/)
  })

  it('keeps the text of those inputs, and nothing of the scripts', () => {
    expect(blocksFromHtml('<ol start="javascript:alert(1)"><li>one</li></ol>')).toEqual([
      { type: 'orderedList', start: 1, content: [li(p('one'))] },
    ])
    expect(blocksFromHtml('<blockquote onclick="alert(1)"><p>said</p></blockquote>')).toEqual([
      { type: 'blockquote', content: [p('said')] },
    ])
    expect(blocksFromHtml('<pre><script>alert(1)</script>x &lt; y</pre>')).toEqual([
      { type: 'codeBlock', text: 'x < y' },
    ])
    // Markup shown as code stays text, never becomes markup.
    expect(blocksFromHtml('<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>')).toEqual([
      { type: 'codeBlock', text: '<script>alert(1)</script>' },
    ])
  })
})

describe('Markdown import keeps the block structure', () => {
  it('reads lists (nested, numbered from 3), a quote of two paragraphs, fenced code and h5', () => {
    const markdown = [
      '##### Small print',
      '',
      '- One',
      '- Two',
      '  1. Two-a',
      '  2. Two-b',
      '',
      '3. Third',
      '4. Fourth',
      '',
      '> The minister said **40%**.',
      '>',
      '> Then she left.',
      '',
      '```js',
      'if (a < b) {',
      '  x = "<p>";',
      '}',
      '```',
    ].join('\n')
    expect(blocksFromMarkdown(markdown)).toEqual([
      { type: 'heading', level: 5, text: 'Small print' },
      {
        type: 'bulletList',
        content: [
          li(p('One')),
          li(p('Two'), { type: 'orderedList', start: 1, content: [li(p('Two-a')), li(p('Two-b'))] }),
        ],
      },
      { type: 'orderedList', start: 3, content: [li(p('Third')), li(p('Fourth'))] },
      {
        type: 'blockquote',
        content: [
          {
            type: 'paragraph',
            text: 'The minister said 40%.',
            runs: [{ text: 'The minister said ' }, { text: '40%', marks: { bold: true } }, { text: '.' }],
          },
          p('Then she left.'),
        ],
      },
      { type: 'codeBlock', text: 'if (a < b) {\n  x = "<p>";\n}', language: 'js' },
    ])
  })
})

describe('ordered list numbering', () => {
  it.each(['1', 'a', 'A', 'i', 'I'])('keeps ol type="%s" as the list’s numbering, start alongside', (type) => {
    const html = `<ol type="${type}" start="2" reversed><li>x</li></ol>`
    expect(sanitizeArticleHtml(html)).toBe(`<ol start="2" type="${type}"><li>x</li></ol>`)
    expect(blocksFromHtml(html)).toEqual([{ type: 'orderedList', start: 2, numbering: type, content: [li(p('x'))] }])
  })

  it.each(['b', 'ii', 'disc', 'upper-roman', ' a', 'a ', '1a', '', 'a" onclick="alert(1)'])(
    'drops any other ol type (%j)',
    (type) => {
      const html = `<ol type='${type}'><li>x</li></ol>`
      expect(sanitizeArticleHtml(html)).toBe('<ol><li>x</li></ol>')
      expect(blocksFromHtml(html)).toEqual([{ type: 'orderedList', start: 1, content: [li(p('x'))] }])
    },
  )

  it('reads a type on a nested list, and nothing from Markdown, which has no numbering style', () => {
    expect(blocksFromHtml('<ol type="I"><li>One<ol type="a"><li>sub</li></ol></li></ol>')).toEqual([
      {
        type: 'orderedList',
        start: 1,
        numbering: 'I',
        content: [li(p('One'), { type: 'orderedList', start: 1, numbering: 'a', content: [li(p('sub'))] })],
      },
    ])
    expect(blocksFromMarkdown('1. x\n2. y')).toEqual([
      { type: 'orderedList', start: 1, content: [li(p('x')), li(p('y'))] },
    ])
  })
})

describe('code block languages', () => {
  const code = (text: string, language?: string) =>
    language === undefined ? { type: 'codeBlock', text } : { type: 'codeBlock', text, language }

  it.each(['js', 'TypeScript', 'c++', 'c#', 'objective-c', 'shell_session', 'x.y', 'a'.repeat(32)])(
    'keeps language-%s, as the editor reads it',
    (language) => {
      expect(blocksFromHtml(`<pre><code class="hljs language-${language}">a</code></pre>`)).toEqual([
        code('a', language),
      ])
      expect(blocksFromMarkdown(`\`\`\`${language}\na\n\`\`\``)).toEqual([code('a', language)])
    },
  )

  it('keeps only that class on code, and nothing else on it or its pre', () => {
    const html =
      '<pre class="language-py" id="x"><code class="x language-js  language-py y" data-x="1" onclick="y()">a</code></pre>'
    expect(sanitizeArticleHtml(html)).toBe('<pre><code class="language-js">a</code></pre>')
    expect(blocksFromHtml(html)).toEqual([code('a', 'js')])
  })

  it.each([
    ['breaking out of its quotes', `<code class='language-js" onclick="alert(1)'>`],
    ['holding markup', '<code class="language-<script>">'],
    ['with an entity-encoded quote', '<code class="language-js&quot;x">'],
    ['too long', `<code class="language-${'a'.repeat(33)}">`],
    ['empty', '<code class="language-">'],
    ['of another prefix', '<code class="lang-js">'],
  ])('drops a language %s', (_what, open) => {
    expect(sanitizeArticleHtml(`<pre>${open}a</code></pre>`)).toBe('<pre><code>a</code></pre>')
    expect(blocksFromHtml(`<pre>${open}a</code></pre>`)).toEqual([code('a')])
  })

  it('takes it only from the pre’s first element, as the editor does', () => {
    expect(blocksFromHtml('<pre>\n<code class="language-js">a</code></pre>')).toEqual([code('a', 'js')])
    expect(blocksFromHtml('<pre><b>x</b><code class="language-js">a</code></pre>')).toEqual([code('xa')])
    expect(blocksFromHtml('<p><code class="language-js">inline</code></p>')).toEqual([
      { type: 'paragraph', text: 'inline', runs: [{ text: 'inline', marks: { code: true } }] },
    ])
  })

  it('leaves it unset for Markdown fenced code without one, and drops an unsafe one', () => {
    expect(blocksFromMarkdown('```\na < b\n```')).toEqual([code('a < b')])
    expect(blocksFromMarkdown('```<script>\nx\n```')).toEqual([code('x')])
    expect(blocksFromMarkdown('~~~js" onclick="alert(1)\nx\n~~~')).toEqual([code('x')])
  })
})

describe('horizontal rules', () => {
  const rule = { type: 'horizontalRule' }

  it('come from hr in HTML and from thematic breaks in Markdown', () => {
    expect(blocksFromHtml('<p>a<hr>b</p><ul><li>c<hr></li></ul><pre>d<hr>e</pre>')).toEqual([
      p('a'),
      rule,
      p('b'),
      { type: 'bulletList', content: [li(p('c'), rule)] },
      { type: 'codeBlock', text: 'de' },
    ])
    expect(blocksFromMarkdown('Before.\n\n---\n\nAfter.\n\n***\n\n___')).toEqual([
      p('Before.'),
      rule,
      p('After.'),
      rule,
      rule,
    ])
  })

  it('never come from plain text, which has no markup', () => {
    expect(blocksFromBody({ text: 'Before.\n---\n***\nAfter.' }).blocks.map((block) => block.type)).not.toContain(
      'horizontalRule',
    )
  })
})

describe('plain text import', () => {
  it('stays paragraphs and crossheads', () => {
    expect(blocksFromBody({ text: '- not a list.\n> not a quote.\nRoads' })).toEqual({
      format: 'text',
      blocks: [p('- not a list.'), p('> not a quote.'), { type: 'heading', level: 2, text: 'Roads' }],
    })
  })

  it('keeps a separator line (no letter or digit) as text, not as a crosshead', () => {
    expect(blocksFromBody({ text: 'Roads\n---\n* * *\n====\n2025' }).blocks).toEqual([
      { type: 'heading', level: 2, text: 'Roads' },
      p('---'),
      p('* * *'),
      p('===='),
      { type: 'heading', level: 2, text: '2025' },
    ])
  })
})
