import { anchorClaim, getBodyText, LINK_MARK_DEFAULTS, markClaimAtText, readClaim } from '@fc/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksFromHtml } from '../domain/article-import.js';
import { docUpdateFromBlocks } from './body.js';

const HTML =
  '<h2>Roads <em>report</em></h2>' +
  '<p>The <strong>minister</strong> said <strong><em>40%</em></strong> of <a href="https://news.example/roads">roads were <b>repaired</b></a>, <a href="javascript:alert(1)">officials</a> said.</p>';

function imported(html: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, docUpdateFromBlocks(blocksFromHtml(html)));
  return doc;
}

function deltas(doc: Y.Doc): unknown[][] {
  return doc
    .getXmlFragment('body')
    .toArray()
    .map((block) => ((block as Y.XmlElement).get(0) as Y.XmlText).toDelta());
}

describe('imported marks in the body fragment', () => {
  it('are formatting attributes on the block’s Y.XmlText, as y-prosemirror stores Tiptap marks', () => {
    const link = { href: 'https://news.example/roads', ...LINK_MARK_DEFAULTS };
    expect(deltas(imported(HTML))).toEqual([
      [{ insert: 'Roads ' }, { insert: 'report', attributes: { italic: {} } }],
      [
        { insert: 'The ' },
        { insert: 'minister', attributes: { bold: {} } },
        { insert: ' said ' },
        { insert: '40%', attributes: { bold: {}, italic: {} } },
        { insert: ' of ' },
        { insert: 'roads were ', attributes: { link } },
        { insert: 'repaired', attributes: { link, bold: {} } },
        { insert: ', officials said.' },
      ],
    ]);
    expect(JSON.stringify(deltas(imported(HTML)))).not.toContain('javascript');
  });

  it('leave the plain text exactly as without marks, so claims anchor across them', () => {
    const doc = imported(HTML);
    const text = getBodyText(doc);
    expect(text).toBe('Roads report\n\nThe minister said 40% of roads were repaired, officials said.');
    const quote = 'minister said 40% of roads were repaired';
    const from = text.indexOf(quote);
    const claimId = markClaimAtText(doc, from, from + quote.length, { createdBy: 'u1' });
    const claim = readClaim(doc, claimId)!;
    expect(claim.quote).toBe(quote);
    expect(anchorClaim(doc, claim)).toEqual({ status: 'anchored', from, to: from + quote.length });
  });

  it('keeps unmarked blocks as a plain Y.XmlText', () => {
    expect(deltas(imported('<p>Just <span>words</span>.</p>'))).toEqual([[{ insert: 'Just words.' }]]);
  });
});
