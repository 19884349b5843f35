import type { VerdictId } from '@fc/shared/schema/index'

/**
 * The CSS modifier of a verdict (`claim-hl--mostly-false`, `verdict-chip--unset`). One
 * colour per verdict, the same in the text, on the chip and on the card's edge: see
 * claims.css and editor.css.
 */
export function verdictKey(verdict: VerdictId | undefined): VerdictId | 'unset' {
  return verdict ?? 'unset'
}
