// How a person looks to others: the colour of their caret and avatar, and their initials.
// The person is the signed-in account (auth/session.tsx); nothing here is stored.

// Every colour keeps white label text above 5:1 contrast (WCAG AA for small text),
// and they are far enough apart in hue to tell two carets apart at a glance.
export const USER_COLORS = [
  '#175CD3',
  '#B42318',
  '#067647',
  '#6941C6',
  '#B54708',
  '#0E7090',
  '#C11574',
  '#3538CD',
  '#107569',
  '#854A0E',
  '#5925DC',
  '#475467',
] as const

/** Same account, same colour, on every device: people learn to recognise each other's carets. */
export function colorForId(userId: string): string {
  // FNV-1a: tiny, stable across browsers, and spreads short ids well.
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length] ?? USER_COLORS[0]
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.[0] ?? '?'
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return (first + last).toLocaleUpperCase()
}
