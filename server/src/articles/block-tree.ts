import type { Block, BlockNode, CodeBlock, HorizontalRule, ListItem, OrderedListAttrs, TextBlock } from './body.js'

export type ContainerType = 'bulletList' | 'orderedList' | 'listItem' | 'blockquote'

/**
 * Deeper containers are read as if they were not there (their text still lands, in the
 * deepest one kept): writing and reading the body recurse once per level, and a hostile
 * article of tens of thousands of nested `<blockquote>`s must not overflow a stack.
 */
export const MAX_CONTAINER_DEPTH = 32

interface OpenContainer {
  type: ContainerType | 'doc'
  /** An ordered list's. */
  attrs?: OrderedListAttrs
  /** List items in a list, blocks in anything else (enterListItem sees to it). */
  content: BlockNode[]
  /** Opened by the builder, not by the reader (a list item for content straight in a list): no close will come. */
  implicit?: boolean
  /** Containers opened inside this one but not kept (too deep, or a list item outside a list), innermost last. */
  ignored: ContainerType[]
}

/**
 * Builds the block tree of an article from a reader's stream of "open this container",
 * "this block", "close that container", and keeps it valid for the editor's schema
 * (Tiptap StarterKit) whatever the HTML looked like:
 * - a list holds only list items: anything else arriving in a list joins its last item
 *   (as a browser shows `<ul><li>a</li><ul>…</ul></ul>`), or a new item if it has none;
 * - a list item starts with a paragraph (`paragraph block*`): an empty one is put before
 *   a nested list, quote, code block or rule that opens it (y-prosemirror deletes an element
 *   the schema refuses, so an invalid item would vanish from the editor with its text);
 * - an empty item, list or quote is dropped, like an empty paragraph.
 * A `listItem` opened outside a list is no container: its text stays where it is.
 */
export class BlockTreeBuilder {
  private readonly stack: OpenContainer[] = [{ type: 'doc', content: [], ignored: [] }]

  /** `attrs` are an ordered list's, ignored for any other container. */
  open(type: ContainerType, attrs: OrderedListAttrs = { start: 1 }): void {
    if (this.stack.length > MAX_CONTAINER_DEPTH) return this.ignore(type)
    const top = this.top()
    if (type === 'listItem' && top.implicit && top.ignored.length === 0) this.closeTop()
    if (type === 'listItem' && !this.inList()) return this.ignore(type)
    if (type !== 'listItem') this.enterListItem()
    this.stack.push(
      type === 'orderedList' ? { type, attrs, content: [], ignored: [] } : { type, content: [], ignored: [] },
    )
  }

  /**
   * Closes the innermost open container of this type, kept or ignored (the reader's HTML
   * is balanced, so that is the one this close tag belongs to).
   */
  close(type: ContainerType): void {
    for (let at = this.stack.length - 1; at > 0; at--) {
      const open = this.stack[at]!
      if (open.ignored.at(-1) === type) {
        open.ignored.pop()
        return
      }
      if (open.type === type) {
        while (this.stack.length > at) this.closeTop()
        return
      }
    }
    const doc = this.stack[0]!
    if (doc.ignored.at(-1) === type) doc.ignored.pop()
  }

  add(block: TextBlock | CodeBlock | HorizontalRule): void {
    this.enterListItem()
    this.top().content.push(block)
  }

  /** The article's blocks; containers still open are closed. */
  finish(): Block[] {
    while (this.stack.length > 1) this.closeTop()
    return this.top().content as Block[]
  }

  private top(): OpenContainer {
    return this.stack[this.stack.length - 1]!
  }

  private ignore(type: ContainerType): void {
    this.top().ignored.push(type)
  }

  private inList(): boolean {
    const type = this.top().type
    return type === 'bulletList' || type === 'orderedList'
  }

  /** Content arriving straight in a list goes into its last item, reopened, or a new one. */
  private enterListItem(): void {
    if (!this.inList()) return
    const list = this.top().content
    const last = list.at(-1)
    if (last?.type === 'listItem') list.pop()
    this.stack.push({
      type: 'listItem',
      content: last?.type === 'listItem' ? last.content : [],
      implicit: true,
      ignored: [],
    })
  }

  private closeTop(): void {
    const block = finished(this.stack.pop()!)
    if (block !== undefined) this.top().content.push(block)
  }
}

function finished(open: OpenContainer): BlockNode | undefined {
  const { type } = open
  if (open.content.length === 0) return undefined
  const blocks = open.content as Block[]
  const items = open.content as ListItem[]
  switch (type) {
    case 'listItem':
      if (blocks[0]!.type !== 'paragraph') blocks.unshift({ type: 'paragraph', text: '' })
      return { type, content: blocks }
    case 'bulletList':
      return { type, content: items }
    case 'orderedList':
      return { type, ...(open.attrs ?? { start: 1 }), content: items }
    case 'blockquote':
      return { type, content: blocks }
    case 'doc':
      return undefined
  }
}
