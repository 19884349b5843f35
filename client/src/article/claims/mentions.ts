/**
 * @mentions in comments: the text carries `@Name`, the comment's `mentions` the user ids.
 * Pure functions, so the rules are testable without a browser.
 */

export interface Mentionable {
  userId: string
  name: string
}

/** The `@query` being typed right before the caret, or null when the caret is not in one. */
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  // An @ at the start or after whitespace/punctuation, then up to two words (names have spaces).
  const match = /(?:^|[\s(["'])@([^\s@]{0,30}(?: [^\s@]{0,30})?)$/u.exec(before)
  if (match === null || match[1] === undefined) return null
  const query = match[1]
  return { start: caret - query.length - 1, query }
}

/** Members whose name matches the query: name starts first, then word starts, then anywhere. */
export function matchMembers<T extends Mentionable>(members: readonly T[], query: string, limit = 6): T[] {
  const q = query.trim().toLocaleLowerCase()
  const scored = members.flatMap((m) => {
    const name = m.name.toLocaleLowerCase()
    if (q === '') return [{ m, score: 2 }]
    if (name.startsWith(q)) return [{ m, score: 0 }]
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return [{ m, score: 1 }]
    if (name.includes(q)) return [{ m, score: 2 }]
    return []
  })
  return scored
    .sort((a, b) => a.score - b.score || a.m.name.localeCompare(b.m.name))
    .slice(0, limit)
    .map((s) => s.m)
}

/** Replaces the `@query` at `start` with `@Name ` and returns the new text and caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length }
}

/**
 * The members mentioned in a text: every `@Name` of a member, not followed by more letters.
 * Longer names win where one is the prefix of another ("@Ann Lee" is not "@Ann").
 */
export function mentionedIn<T extends Mentionable>(text: string, members: readonly T[]): T[] {
  return mentionSpans(text, members)
    .map((span) => span.member)
    .filter((m, i, all) => all.indexOf(m) === i)
}

export interface MentionSpan<T extends Mentionable> {
  start: number
  end: number
  member: T
}

/** Where each `@Name` sits in the text, for highlighting; non-overlapping, in text order. */
export function mentionSpans<T extends Mentionable>(text: string, members: readonly T[]): Array<MentionSpan<T>> {
  const byLength = [...members].filter((m) => m.name.trim() !== '').sort((a, b) => b.name.length - a.name.length)
  const spans: Array<MentionSpan<T>> = []
  let at = text.indexOf('@')
  while (at !== -1) {
    const rest = text.slice(at + 1)
    const member = byLength.find((m) => rest.startsWith(m.name) && !/^[\p{L}\p{N}_]/u.test(rest.slice(m.name.length)))
    if (member !== undefined) {
      spans.push({ start: at, end: at + 1 + member.name.length, member })
      at = text.indexOf('@', at + 1 + member.name.length)
    } else {
      at = text.indexOf('@', at + 1)
    }
  }
  return spans
}
