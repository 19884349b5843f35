import * as Y from 'yjs';

/** The block shapes an imported article is made of, in Tiptap's node names. */
export type Block = { type: 'heading'; level: 1 | 2 | 3; text: string } | { type: 'paragraph'; text: string };

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
    el.insert(0, [new Y.XmlText(block.text)]);
    return el;
  });
  body.insert(body.length, elements);
}

/** A whole new document holding the blocks, as one update ready to store. */
export function docUpdateFromBlocks(blocks: Block[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => writeBlocks(doc.getXmlFragment('body'), blocks));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
