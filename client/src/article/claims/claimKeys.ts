import { CLAIM_STATUSES, type ClaimStatus } from '@fc/shared/schema/index'

/**
 * The single-key shortcuts on a claim in the panel (its card has focus, or something in it
 * that is not a field). One table for the handler and for the shortcut sheet (`?`).
 */
export type ClaimKeyAction =
  | { kind: 'verdict'; index: number }
  | { kind: 'status'; step: 1 | -1 }
  | { kind: 'evidence' }
  | { kind: 'comment' }
  | { kind: 'help' }

export function claimKeyAction(key: string, verdictCount: number): ClaimKeyAction | null {
  if (/^[1-9]$/.test(key) && Number(key) <= verdictCount) return { kind: 'verdict', index: Number(key) - 1 }
  switch (key) {
    case 's':
      return { kind: 'status', step: 1 }
    case 'S':
      return { kind: 'status', step: -1 }
    case 'e':
      return { kind: 'evidence' }
    case 'c':
      return { kind: 'comment' }
    case '?':
      return { kind: 'help' }
    default:
      return null
  }
}

/** The status `step` away from `current`, stopping at either end (Done does not wrap to Open). */
export function nextStatus(current: ClaimStatus, step: 1 | -1): ClaimStatus {
  const index = CLAIM_STATUSES.indexOf(current) + step
  return CLAIM_STATUSES[Math.max(0, Math.min(CLAIM_STATUSES.length - 1, index))]!
}

/** What the shortcut sheet lists, in the order a checker works through a claim. */
export const CLAIM_SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['j', '↓'], what: 'Next claim' },
  { keys: ['k', '↑'], what: 'Previous claim' },
  { keys: ['Enter'], what: 'Open or close the claim' },
  { keys: ['s'], what: 'Status: next step (Shift+S: back one)' },
  { keys: ['1', '…', '7'], what: 'Verdict, in the order of the scale; then write the rationale' },
  { keys: ['Ctrl', 'Enter'], what: 'Save the rationale, or send a comment' },
  { keys: ['e'], what: 'Add evidence' },
  { keys: ['c'], what: 'Write a comment' },
  { keys: ['Esc'], what: 'Close the claim; again: back to its words in the text' },
  { keys: ['Ctrl', 'Shift', 'Enter'], what: 'In the text: to the claim at the caret, in the panel' },
  { keys: ['Ctrl', 'Shift', 'M'], what: 'In the text: mark the selection as a claim' },
  { keys: ['?'], what: 'This list' },
]
