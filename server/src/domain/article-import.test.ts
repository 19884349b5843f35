import { describe, expect, it } from 'vitest';
import { blocksFromHtml, blocksFromMarkdown } from './article-import.js';

const LINK = 'https://news.example/roads';

describe('HTML import keeps the editor’s inline marks', () => {
  it('reads bold, italic, strike, underline, code and links into runs of the block', () => {
    const [block] = blocksFromHtml(
      `<p>The <strong>minister</strong> said <em>40%</em> of <a href="${LINK}">roads</a> were <s>fixed</s> <u>repaired</u> by <code>2025</code>.</p>`,
    );
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
    });
  });

  it('nests bold and italic, in either order and with b/i', () => {
    for (const html of ['<p>a <strong><em>both</em> bold</strong></p>', '<p>a <b><i>both</i> bold</b></p>']) {
      expect(blocksFromHtml(html)[0]!.runs).toEqual([
        { text: 'a ' },
        { text: 'both', marks: { bold: true, italic: true } },
        { text: ' bold', marks: { bold: true } },
      ]);
    }
    expect(blocksFromHtml('<p><em>x <strong>y</strong></em></p>')[0]!.runs).toEqual([
      { text: 'x ', marks: { italic: true } },
      { text: 'y', marks: { italic: true, bold: true } },
    ]);
  });

  it('keeps bold text inside a link as both', () => {
    expect(blocksFromHtml(`<p>See <a href="${LINK}">the <b>official</b> data</a>.</p>`)[0]!.runs).toEqual([
      { text: 'See ' },
      { text: 'the ', marks: { link: { href: LINK } } },
      { text: 'official', marks: { link: { href: LINK }, bold: true } },
      { text: ' data', marks: { link: { href: LINK } } },
      { text: '.' },
    ]);
  });

  it.each([
    ['javascript:', '<a href="javascript:alert(1)">click</a>'],
    ['entity-obfuscated javascript:', '<a href="java&#115;cript:alert(1)">click</a>'],
    ['data:', '<a href="data:text/html,<script>alert(1)</script>">click</a>'],
    ['protocol-relative', '<a href="//evil.example/">click</a>'],
    ['relative', '<a href="/api/tokens">click</a>'],
    ['credentials', '<a href="https://trusted.example@evil.example/">click</a>'],
  ])('turns a %s link into plain text', (_what, anchor) => {
    const [block] = blocksFromHtml(`<p>Please ${anchor} here</p>`);
    expect(block).toEqual({ type: 'paragraph', text: 'Please click here' });
  });

  it('keeps mailto and http links, with the entity-encoded href decoded', () => {
    const runs = blocksFromHtml('<p><a href="mailto:desk@news.example">desk</a> <a href="http://a.example/?x=1&amp;y=2">q</a></p>')[0]!.runs;
    expect(runs).toEqual([
      { text: 'desk', marks: { link: { href: 'mailto:desk@news.example' } } },
      { text: ' ' },
      { text: 'q', marks: { link: { href: 'http://a.example/?x=1&y=2' } } },
    ]);
  });

  it('lets code exclude other marks, as the editor does', () => {
    expect(blocksFromHtml(`<p><b>bold <code>x</code></b> <a href="${LINK}"><code>y</code></a></p>`)[0]!.runs).toEqual([
      { text: 'bold ', marks: { bold: true } },
      { text: 'x', marks: { code: true } },
      { text: ' ' },
      { text: 'y', marks: { code: true } },
    ]);
  });

  it('collapses whitespace across mark boundaries so the plain text is unchanged', () => {
    const [block] = blocksFromHtml('<p>  <b> a  </b>  <i> b </i>  c\n</p>');
    expect(block!.text).toBe('a b c');
    expect(block!.runs).toEqual([
      { text: 'a ', marks: { bold: true } },
      { text: 'b ', marks: { italic: true } },
      { text: 'c' },
    ]);
  });

  it('leaves unmarked blocks plain and carries marks across a <br> and into headings', () => {
    expect(blocksFromHtml('<p>plain <span>text</span> <mark>here</mark></p>')).toEqual([{ type: 'paragraph', text: 'plain text here' }]);
    expect(blocksFromHtml('<h2>A <em>big</em> day</h2><p><b>one<br>two</b></p>')).toEqual([
      { type: 'heading', level: 2, text: 'A big day', runs: [{ text: 'A ' }, { text: 'big', marks: { italic: true } }, { text: ' day' }] },
      { type: 'paragraph', text: 'one', runs: [{ text: 'one', marks: { bold: true } }] },
      { type: 'paragraph', text: 'two', runs: [{ text: 'two', marks: { bold: true } }] },
    ]);
  });
});

describe('Markdown import keeps marks', () => {
  it('reads **bold**, *italic*, ***both***, ~~strike~~, `code` and links; refuses a javascript: link', () => {
    const blocks = blocksFromMarkdown(
      '# The **roads** report\n\nSaid **40%**, *twice*, ***really*** ~~not~~ `x` and [the data](https://data.example/roads "t") [no](javascript:alert(1)).',
    );
    expect(blocks[0]).toEqual({
      type: 'heading',
      level: 1,
      text: 'The roads report',
      runs: [{ text: 'The ' }, { text: 'roads', marks: { bold: true } }, { text: ' report' }],
    });
    expect(blocks[1]!.text).toBe('Said 40%, twice, really not x and the data no.');
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
    ]);
  });
});
