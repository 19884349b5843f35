import { bodyMarkAttributes } from '@fc/shared';
import * as Y from 'yjs';
import type { TextRun } from './text-runs.js';

/**
 * The block shapes an imported article is made of, in Tiptap's node names. `text` is the
 * block's plain text; `runs`, when present, is the same text split where its marks change.
 */
export type Block = ({ type: 'heading'; level: 1 | 2 | 3 } | { type: 'paragraph' }) & { text: string; runs?: readonly TextRun[] };

/**
 * Plain text to blocks: one block per non-empty line. A short line without
 * closing punctuation reads as a section heading (newsroom copy pasted as text
 * keeps its crossheads that way).
 */
export function blocksFromText(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): Block =>
      line.length <= 80 && !/[.!?:;,"'”’)]$/.test(line) ? { type: 'heading', level: 2, text: line } : { type: 'paragraph', text: line },
    );
}

/** Writes blocks into `body` as y-prosemirror lays out Tiptap content, so the editor opens it unchanged. */
export function writeBlocks(body: Y.XmlFragment, blocks: Block[]): void {
  const elements = blocks.map((block) => {
    const el = new Y.XmlElement(block.type);
    if (block.type === 'heading') el.setAttribute('level', block.level as unknown as string);
    el.insert(0, [textNode(block)]);
    return el;
  });
  body.insert(body.length, elements);
}

/** One Y.XmlText per block, its marks as y-prosemirror stores them (formatting attributes). */
function textNode(block: Block): Y.XmlText {
  if (block.runs === undefined) return new Y.XmlText(block.text);
  const text = new Y.XmlText();
  // Applied when the text joins the document; a run without marks clears the previous run's.
  text.applyDelta(block.runs.map((run) => ({ insert: run.text, attributes: bodyMarkAttributes(run.marks) })));
  return text;
}

/** A whole new document holding the blocks, as one update ready to store. */
export function docUpdateFromBlocks(blocks: Block[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => writeBlocks(doc.getXmlFragment('body'), blocks));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
