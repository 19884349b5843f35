import { bodyMarkAttributes } from '@fc/shared'
import * as Y from 'yjs'
import type { TextRun } from './text-runs.js'

/**
 * The block shapes an imported article is made of, in Tiptap StarterKit's node names and
 * attributes. A textblock's `text` is its plain text; `runs`, when present, is the same
 * text split where its marks change. An empty `text` is an empty paragraph (a list item
 * that opens with a nested list needs one: see block-tree.ts).
 */
export type TextBlock = ({ type: 'heading'; level: HeadingLevel } | { type: 'paragraph' }) & {
  text: string
  runs?: readonly TextRun[]
}
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6
/** Verbatim text, newlines kept; the editor's code block takes no marks. */
export interface CodeBlock {
  type: 'codeBlock'
  text: string
  /** As the editor keeps it from `<code class="language-js">`: `js`. */
  language?: string
}
/** A leaf: y-prosemirror stores it as an element with no attributes and no children. */
export interface HorizontalRule {
  type: 'horizontalRule'
}
export interface ListItem {
  type: 'listItem'
  /** Starts with a paragraph, as the editor's schema requires (`paragraph block*`). */
  content: Block[]
}
export type ListBlock =
  | { type: 'bulletList'; content: ListItem[] }
  | ({ type: 'orderedList'; content: ListItem[] } & OrderedListAttrs)
/** HTML's numbering styles for `<ol type>`. */
export type OrderedListNumbering = '1' | 'a' | 'A' | 'i' | 'I'
export interface OrderedListAttrs {
  start: number
  /** The editor's `type` attr (this block's own `type` is the node's name); absent, the editor's null. */
  numbering?: OrderedListNumbering
}
export interface BlockquoteBlock {
  type: 'blockquote'
  content: Block[]
}
export type Block = TextBlock | CodeBlock | HorizontalRule | ListBlock | BlockquoteBlock
/** Anything that becomes one element of the body. */
export type BlockNode = Block | ListItem

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
    .map(
      (line): Block =>
        isCrosshead(line) ? { type: 'heading', level: 2, text: line } : { type: 'paragraph', text: line },
    )
}

/**
 * A short line without closing punctuation reads as a newsroom crosshead. One with no
 * letter or digit at all (`---`, `* * *`, a row of `=`) is a separator, not a title.
 */
function isCrosshead(line: string): boolean {
  return line.length <= 80 && !/[.!?:;,"'”’)]$/.test(line) && /[\p{L}\p{N}]/u.test(line)
}

/** Writes blocks into `body` as y-prosemirror lays out Tiptap content, so the editor opens it unchanged. */
export function writeBlocks(body: Y.XmlFragment, blocks: Block[]): void {
  body.insert(body.length, blocks.map(element))
}

/**
 * One block as y-prosemirror stores the node: an element named after it, its non-null
 * attrs as attributes of the same JS type as the node's (a number stays a number: the
 * editor compares them strictly and would otherwise rewrite them on its first edit), and
 * its children. Every attr the editor's node has a non-null default for is written, for
 * the same reason (`start` of an ordered list); one whose default is null is written only
 * when set (an ordered list's `type`, a code block's `language`), as y-prosemirror does.
 */
function element(block: BlockNode): Y.XmlElement {
  const el = new Y.XmlElement(block.type)
  switch (block.type) {
    case 'heading':
      el.setAttribute('level', block.level as unknown as string)
      break
    case 'orderedList':
      el.setAttribute('start', block.start as unknown as string)
      if (block.numbering !== undefined) el.setAttribute('type', block.numbering)
      break
    case 'codeBlock':
      if (block.language !== undefined) el.setAttribute('language', block.language)
      break
  }
  const kids = children(block)
  // A prelim element spreads what it is given into one call: 150,000 list items overflow the stack.
  for (let at = 0; at < kids.length; at += INSERT_SLICE) el.insert(at, kids.slice(at, at + INSERT_SLICE))
  return el
}

const INSERT_SLICE = 10_000

function children(block: BlockNode): Array<Y.XmlElement | Y.XmlText> {
  if ('content' in block) return (block.content as BlockNode[]).map(element)
  // y-prosemirror gives an empty textblock no text node at all; a rule never has one.
  if (block.type === 'horizontalRule' || block.text === '') return []
  return [textNode(block)]
}

/** One Y.XmlText per textblock, its marks as y-prosemirror stores them (formatting attributes). */
function textNode(block: TextBlock | CodeBlock): Y.XmlText {
  if (block.type === 'codeBlock' || block.runs === undefined) return new Y.XmlText(block.text)
  const text = new Y.XmlText()
  // Applied when the text joins the document; a run without marks clears the previous run's.
  text.applyDelta(block.runs.map((run) => ({ insert: run.text, attributes: bodyMarkAttributes(run.marks) })))
  return text
}

/** A whole new document holding the blocks, as one update ready to store. */
export function docUpdateFromBlocks(blocks: Block[]): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => writeBlocks(doc.getXmlFragment('body'), blocks))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
