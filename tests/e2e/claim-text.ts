import { expect, type Page } from '@playwright/test'

/*
 * Claims are drawn in the text with the CSS Custom Highlight API: no element per claim to
 * locate. These helpers ask the page what its highlights cover (`CSS.highlights`), and click
 * or point at words by measuring where they are on screen, as a person aims at words.
 */

export interface DrawnClaim {
  /** The words the claim's highlight covers. */
  text: string
  /** The verdict's look (`claim-unset`, `claim-mixed`…). */
  verdict: string
  /** Drawn as the open claim / the pointed one. */
  open: boolean
  pointed: boolean
}

/** Every claim highlight in the page, in text order. */
export async function drawnClaims(page: Page): Promise<DrawnClaim[]> {
  return page.evaluate(() => {
    const looks = new Map<AbstractRange, string[]>()
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      // The overlaps' wash covers stretches shared by claims, not a claim (drawnOverlaps).
      if (!name.startsWith('claim-') || name === 'claim-overlap') continue
      for (const range of highlight) looks.set(range, [...(looks.get(range) ?? []), name])
    }
    const ranges = [...looks.keys()].filter((r): r is Range => r instanceof Range && !r.collapsed)
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || b.toString().length - a.toString().length)
    return ranges.map((range) => {
      const names = looks.get(range) ?? []
      return {
        text: range.toString(),
        verdict: names.find((n) => n !== 'claim-open' && n !== 'claim-pointed') ?? '',
        open: names.includes('claim-open'),
        pointed: names.includes('claim-pointed'),
      }
    })
  })
}

/** The words drawn with the overlaps' wash (shared by two claims or more), in text order. */
export async function drawnOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>
    const highlight = registry.get('claim-overlap')
    const ranges = [...(highlight ?? [])].filter((r): r is Range => r instanceof Range && !r.collapsed)
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    return ranges.map((r) => r.toString())
  })
}

/** The texts of the claims drawn in the text, in text order. */
export async function drawnClaimTexts(page: Page): Promise<string[]> {
  return (await drawnClaims(page)).map((c) => c.text)
}

export interface WordsBox {
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * Where the `nth` occurrence of `words` in the article's text is on screen (the rectangle of
 * its first line, viewport coordinates), scrolled to the middle of the window first unless
 * `scroll` is false; null when the words are not there.
 */
export async function wordsBox(
  page: Page,
  words: string,
  { nth = 0, scroll = true }: { nth?: number; scroll?: boolean } = {},
): Promise<WordsBox | null> {
  return page.evaluate(
    ({ words, nth, scroll }) => {
      const root = document.querySelector('[data-testid="article-editor"] .ProseMirror')
      if (root === null) return null
      const nodes: Text[] = []
      // Other people's caret labels live inside the text: they are not the article's words.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('.collab-caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      })
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) nodes.push(n as Text)
      const whole = nodes.map((n) => n.data).join('')
      let at = -1
      for (let i = 0; i <= nth; i++) {
        at = whole.indexOf(words, at + 1)
        if (at < 0) return null
      }
      const locate = (offset: number): [Text, number] => {
        let seen = 0
        for (const n of nodes) {
          if (offset <= seen + n.data.length) return [n, offset - seen]
          seen += n.data.length
        }
        const last = nodes[nodes.length - 1]!
        return [last, last.data.length]
      }
      const range = document.createRange()
      range.setStart(...locate(at))
      range.setEnd(...locate(at + words.length))
      if (scroll) range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
      const rect = Array.from(range.getClientRects()).find((r) => r.width > 0)
      if (rect === undefined) return null
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }
    },
    { words, nth, scroll },
  )
}

/** A point on the words' first line (a little way in, so inside them whatever their length). */
async function pointOfWords(page: Page, words: string, nth: number): Promise<{ x: number; y: number }> {
  const box = await wordsBox(page, words, { nth })
  if (box === null) throw new Error(`"${words}" is not in the text`)
  return { x: box.left + Math.min((box.right - box.left) / 2, 40), y: (box.top + box.bottom) / 2 }
}

/** Whether the words are inside the window (without scrolling to them). */
export async function wordsInViewport(page: Page, words: string, nth = 0): Promise<boolean> {
  const box = await wordsBox(page, words, { nth, scroll: false })
  if (box === null) return false
  const size = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }))
  return box.top >= 0 && box.left >= 0 && box.bottom <= size.height && box.right <= size.width
}

/** Clicks the words (the `nth` time they occur in the text), as a person clicks a claim's words. */
export async function clickWords(page: Page, words: string, nth = 0): Promise<void> {
  const point = await pointOfWords(page, words, nth)
  await page.mouse.click(point.x, point.y)
}

/** Moves the pointer onto the words. */
export async function hoverWords(page: Page, words: string, nth = 0): Promise<void> {
  const point = await pointOfWords(page, words, nth)
  await page.mouse.move(point.x, point.y)
}

/**
 * Waits until a claim highlight covers `words`, with the words scrolled into view first:
 * only claims near the window are drawn (claimPainter.ts), as a person sees them.
 */
export async function expectDrawn(page: Page, words: string): Promise<void> {
  await expect
    .poll(async () => {
      await wordsBox(page, words)
      return (await drawnClaimTexts(page)).some((t) => t.includes(words))
    })
    .toBe(true)
}

/** The texts of the claims drawn once `words` are scrolled to the middle of the window. */
export async function drawnNear(page: Page, words: string): Promise<string[]> {
  await wordsBox(page, words)
  return drawnClaimTexts(page)
}

/** An sRGB colour, 0–255 a channel. */
export type Rgb = [number, number, number]

/**
 * The commonest colour painted in a box of the viewport (at most 200 px of it wide): over a
 * line of words that is the background under them, the letters being thin.
 */
export async function commonestColour(page: Page, box: WordsBox): Promise<Rgb> {
  const png = await page.screenshot({
    clip: {
      x: box.left,
      y: box.top,
      width: Math.max(1, Math.min(box.right - box.left, 200)),
      height: box.bottom - box.top,
    },
    animations: 'disabled',
  })
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const context = canvas.getContext('2d')!
    context.drawImage(bitmap, 0, 0)
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height)
    const counts = new Map<number, number>()
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const [key] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))
    return [(key >> 16) & 255, (key >> 8) & 255, key & 255] as [number, number, number]
  }, png.toString('base64'))
}

/** WCAG's contrast ratio between two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const luminance = ([r, g, b]: Rgb) => {
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
