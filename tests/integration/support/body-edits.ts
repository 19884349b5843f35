import { bodyFragment, getBodyText, readClaim } from '@fc/shared'
import * as Y from 'yjs'
import { eventually, type TestClient } from './clients.js'

/** Replaces the first `find` in the body's text nodes, as an editor's keystrokes would. */
export function replaceInBody(doc: Y.Doc, find: string, replacement: string): void {
  const walk = (node: Y.XmlFragment | Y.XmlElement): boolean => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const text = child
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '\uFFFC'))
          .join('')
        const at = text.indexOf(find)
        if (at < 0) continue
        doc.transact(() => {
          child.delete(at, find.length)
          child.insert(at, replacement)
        })
        return true
      }
      if (child instanceof Y.XmlElement && walk(child)) return true
    }
    return false
  }
  if (!walk(bodyFragment(doc))) throw new Error(`"${find}" is not in the body`)
}

/** A claim's stored quote, prefix and suffix as `client` holds them. */
export function storedQuote(client: TestClient, claimId: string): { quote: string; prefix: string; suffix: string } {
  const c = readClaim(client.doc, claimId)
  if (c === undefined) throw new Error(`no claim ${claimId}`)
  return { quote: c.quote, prefix: c.prefix, suffix: c.suffix }
}

/**
 * Two clients edit inside the claim on "The army denied the figures" before either hears of
 * the other's change (both offline, both edit, both back), then both must hold the merged text
 * and the quote of it. Resolves to that quote; a timeout names what each client stores.
 */
export async function editInsideOneClaimAtOnce(
  a: TestClient,
  b: TestClient,
  claimId: string,
  timeoutMs: number,
): Promise<string> {
  a.provider.disconnect()
  b.provider.disconnect()
  replaceInBody(a.doc, 'army denied', 'army flatly denied')
  replaceInBody(b.doc, 'the fig', 'the casualty fig')
  a.provider.connect()
  b.provider.connect()
  const wanted = 'The army flatly denied the casualty figures'
  await eventually(
    async () =>
      getBodyText(a.doc) === getBodyText(b.doc) &&
      storedQuote(a, claimId).quote === wanted &&
      storedQuote(b, claimId).quote === wanted,
    timeoutMs,
    'both clients to converge on the merged quote',
  ).catch((err) => {
    throw new Error(
      `${err}: a ${JSON.stringify(storedQuote(a, claimId))} b ${JSON.stringify(storedQuote(b, claimId))} text ${getBodyText(a.doc)}`,
    )
  })
  return wanted
}
