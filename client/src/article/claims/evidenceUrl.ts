import { isSafeHttpUrl } from '@fc/shared/export/safe-url'

/** Only web links can be evidence links: anything else is refused here, before it is stored. */
export function urlProblem(raw: string): string | undefined {
  const url = raw.trim()
  if (url === '') return 'Paste the link to the source.'
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) {
    return `Only web links (http:// or https://) can be evidence, not “${url.split(':')[0]!.slice(0, 20)}:” links.`
  }
  if (!/^https?:\/\//i.test(url)) return 'Start the link with https:// (or http://).'
  if (!isSafeHttpUrl(url)) return 'That is not a valid web address.'
  return undefined
}
