/** The list starting at position `by` (mod length): successive repetitions change who goes first. */
export function rotate<T>(list: T[], by: number): T[] {
  if (list.length === 0) return []
  const k = ((by % list.length) + list.length) % list.length
  return [...list.slice(k), ...list.slice(0, k)]
}
