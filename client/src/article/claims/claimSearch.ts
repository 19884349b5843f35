import type { Claim } from '@fc/shared/schema/index'

/*
 * The claims list's search box. A long list is windowed (ui/windowedList.ts): the browser's
 * find-in-page cannot find a card that is not drawn, so the list filters itself. A claim
 * matches when every word of the query is found in its quote, rationale, claimant or
 * assignee's name; case and accents do not count ("etat" finds "État").
 */

/** Letters with a stroke or ligatures, which Unicode does not decompose into a letter and a mark. */
const UNMARKED: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss' }

/** Lower case, without accents (é → e, Ø → o, æ → ae), spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[øłđħıæœß]/g, (c) => UNMARKED[c] ?? c)
    .replace(/\s+/g, ' ')
}

/** The query's words, folded; none for a blank query (which matches every claim). */
export function searchWords(query: string): string[] {
  return foldText(query)
    .split(' ')
    .filter((w) => w !== '')
}

/** Everything a search looks in, folded, for one claim. `nameOf` gives a user id's display name. */
export function searchableText(
  claim: Pick<Claim, 'quote' | 'rationale' | 'claimant' | 'assignee'>,
  nameOf: (userId: string) => string | undefined,
): string {
  const assignee = claim.assignee === undefined ? undefined : nameOf(claim.assignee)
  return foldText([claim.quote, claim.rationale, claim.claimant, assignee].filter((s) => s !== undefined).join('\n'))
}

/** Whether every word is in the claim's searchable text (no words: yes). */
export function matchesSearch(text: string, words: readonly string[]): boolean {
  return words.every((w) => text.includes(w))
}
