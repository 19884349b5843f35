import { listMoveTarget } from '../ui/listKeys'

/** What a key does in the review queue. */
export type QueueKeyAction =
  | { kind: 'move'; to: number }
  | { kind: 'open'; index: number }
  | { kind: 'approve'; index: number }
  | { kind: 'request-changes'; index: number }

export interface QueueKeyContext {
  /** The focused item, -1 when none is. */
  index: number
  length: number
  /** Editors and owners decide; checkers and viewers only read the queue. */
  canDecide: boolean
  /** Whether the focused item has a verdict (only those can be approved). */
  hasVerdict: boolean
}

/**
 * j/k or ↓/↑ (Home, End) move between queued claims, Enter opens the focused one in its article,
 * `a` approves it and `r` asks for changes (with a note). Decisions need a focused item and the
 * right to decide; approving needs a verdict. null: the key is not the queue's.
 */
export function queueKeyAction(
  key: string,
  { index, length, canDecide, hasVerdict }: QueueKeyContext,
): QueueKeyAction | null {
  const to = listMoveTarget(key, index, length)
  if (to !== null) return { kind: 'move', to }
  if (index < 0 || index >= length) return null
  if (key === 'Enter') return { kind: 'open', index }
  if (!canDecide) return null
  if (key === 'a' && hasVerdict) return { kind: 'approve', index }
  if (key === 'r') return { kind: 'request-changes', index }
  return null
}

/** After the item at `index` left a list now `length` long, the index focus goes to (-1: none left). */
export function focusAfterRemoval(index: number, length: number): number {
  if (length === 0) return -1
  return Math.min(index, length - 1)
}
