import type { CodeBlock } from './body.js'

/**
 * The code block of a `<pre>`: its text as written, whitespace and newlines kept. The newline
 * right after `<pre>` is dropped as an HTML parser drops it, and so is a last one (Markdown's
 * fenced code ends with one; a browser shows no empty line for it, the editor would).
 */
export class CodeText {
  private text = ''
  /** `<pre>`s opened inside this one. */
  private depth = 0
  private elements = 0
  private language: string | undefined

  append(text: string): void {
    this.text += text
  }

  /** The editor takes the language from the pre's first element only, so must we. */
  open(tag: string, attributes: string): void {
    if (this.elements++ === 0 && tag === 'code') this.language = languageOf(attributes)
    if (tag === 'br') this.text += '\n'
    if (tag === 'pre') this.depth++
  }

  /** True when this `</pre>` ends the code block. */
  closePre(): boolean {
    return this.depth-- === 0
  }

  /** Nothing for a blank one. */
  finish(): CodeBlock | undefined {
    const text = this.text.replace(/\r\n?/g, '\n').replace(/^\n/, '').replace(/\n$/, '')
    if (text.trim() === '') return undefined
    return this.language === undefined
      ? { type: 'codeBlock', text }
      : { type: 'codeBlock', text, language: this.language }
  }
}

/** The sanitizer has left a code's class only as `language-` and a safe token (domain/article-import.ts, codeLanguage). */
function languageOf(attributes: string): string | undefined {
  return /\sclass="language-([\w+#.-]+)"/.exec(attributes)?.[1]
}
