// Who "you" are until accounts exist: a display name typed once and kept in this
// browser, plus a colour derived from it. When sign-in lands (issue 3) the signed-in
// user replaces this, and the rest of the app keeps consuming the same `LocalUser`.

export interface LocalUser {
  /** Stable per browser, so the same person in two tabs shows up once in presence. */
  id: string
  name: string
  /** Always `#rrggbb`: the caret extension drops any other form. */
  color: string
}

const STORAGE_KEY = 'fc.identity.v1'
export const MAX_NAME_LENGTH = 40

// Every colour keeps white label text above 5:1 contrast (WCAG AA for small text),
// and they are far enough apart in hue to tell two carets apart at a glance.
export const USER_COLORS = [
  '#175CD3', '#B42318', '#067647', '#6941C6', '#B54708', '#0E7090',
  '#C11574', '#3538CD', '#107569', '#854A0E', '#5925DC', '#475467',
] as const

/** Same name, same colour, on every device: people learn to recognise each other's carets. */
export function colorForName(name: string): string {
  const key = name.trim().toLocaleLowerCase()
  // FNV-1a: tiny, stable across browsers, and spreads short names well.
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length] ?? USER_COLORS[0]
}

export function normalizeName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH)
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.[0] ?? '?'
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : ''
  return (first + last).toLocaleUpperCase()
}

export function loadUser(): LocalUser | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (raw === null) return null
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { id, name } = parsed as Record<string, unknown>
    if (typeof id !== 'string' || typeof name !== 'string') return null
    const clean = normalizeName(name)
    if (clean === '') return null
    return { id, name: clean, color: colorForName(clean) }
  } catch {
    // Storage can be blocked (private mode, policies): asking again is the safe fallback.
    return null
  }
}

export function saveUser(name: string, previous: LocalUser | null): LocalUser {
  const clean = normalizeName(name)
  const user: LocalUser = { id: previous?.id ?? newId(), name: clean, color: colorForName(clean) }
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ id: user.id, name: user.name }))
  } catch {
    // Not persisted: the name still works for this visit.
  }
  return user
}

function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2) + Date.now().toString(36)
}
