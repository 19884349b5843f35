import type * as Y from 'yjs'

/** Root names of the public document schema (docs/api.md, "Document schema (Yjs)"). */
export const BODY_KEY = 'body'
export const CLAIMS_KEY = 'claims'

export function bodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(BODY_KEY)
}

export function claimsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CLAIMS_KEY)
}
