import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { anchorClaim, BodyText, decodeRelPos, readClaims, type Claim } from '@fc/shared/schema/index'
import type { ClaimsController } from '../claims/ClaimsController'
import { verdictKey } from '../claims/verdictStyle'
import { syncBinding, toEditorPosition } from '../shared-text/positions'

/*
 * Claims in the text as ProseMirror decorations, never marks: y-prosemirror merges
 * overlapping marks of one type (its issues #34 and #61), decorations may overlap freely.
 *
 * Positions. A claim stores Yjs relative positions (`start` bound to its first character,
 * `end` to its last). y-tiptap's `relativePositionToAbsolutePosition`, fed the live
 * binding's mapping (Y type → ProseMirror node), turns them into editor positions. That
 * mapping matches the editor's document only when the two are in step, so:
 * - a transaction from Yjs (remote edit, first render; `isChangeOrigin`) rebuilds the set;
 * - a local edit first only maps the set (the binding writes it to Yjs after the state
 *   update), and the Y.Doc observer below asks for a rebuild right after;
 * - a change to the claims map, or to which claim is open, rebuilds it too.
 * Whether a claim is in the text at all is decided by the shared anchoring (BodyText),
 * the same rule the sidebar and the exports use; claims found again by quote are placed
 * at the found words.
 */

export interface ClaimHover {
  /** Claims under the pointer or the caret, innermost first. */
  ids: string[]
  /** Where to place a popover (viewport coordinates). */
  rect: { left: number; top: number; bottom: number; right: number }
  /** What brought it up: a pointer hover, or the text caret inside a claim. */
  source: 'pointer' | 'caret'
}

export interface ClaimHighlightsOptions {
  controller: ClaimsController | null
  /** Called with the claims under the pointer or caret, or null when there are none. */
  onHover: (hover: ClaimHover | null) => void
  /** The keyboard shortcut; returns whether it did anything. */
  onMark: () => boolean
  /** Ctrl+Shift+Enter: to the claim's card in the panel; returns whether there was a claim. */
  onFocusClaim: () => boolean
}

interface HighlightState {
  decorations: DecorationSet
}

export const claimHighlightsKey = new PluginKey<HighlightState>('claimHighlights')

/** Ask the plugin to rebuild the highlights (claims or emphasis changed). */
const REFRESH = 'refresh'

export function refreshClaimHighlights(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, REFRESH).setMeta('addToHistory', false))
}

export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: 'claimHighlights',

  addOptions() {
    return { controller: null, onHover: () => {}, onMark: () => false, onFocusClaim: () => false }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-m': () => this.options.onMark(),
      'Mod-Shift-Enter': () => this.options.onFocusClaim(),
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    const controller = options.controller
    if (controller === null) return []
    return [claimHighlightsPlugin(controller, options)]
  },
})

function claimHighlightsPlugin(controller: ClaimsController, options: ClaimHighlightsOptions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: claimHighlightsKey,
    state: {
      init: (_config, state) => ({ decorations: buildDecorations(state, controller) }),
      apply: (tr: Transaction, previous: HighlightState, _old: EditorState, state: EditorState): HighlightState => {
        const sync = ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined
        if (tr.getMeta(claimHighlightsKey) === REFRESH || sync?.isChangeOrigin === true) {
          return { decorations: buildDecorations(state, controller) }
        }
        if (!tr.docChanged) return previous
        return { decorations: previous.decorations.map(tr.mapping, tr.doc) }
      },
    },
    props: {
      decorations: (state) => claimHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
      handleClick: (_view, _pos, event) => {
        const ids = claimIdsAt(event.target)
        if (ids.length === 0) return false
        // Overlapping claims: the innermost opens first, a second click the next one out.
        const current = controller.getSelection().selectedId
        const at = current === null ? -1 : ids.indexOf(current)
        controller.open(ids[(at + 1) % ids.length] ?? null, 'text')
        return false // the caret still goes where the person clicked
      },
      handleDOMEvents: {
        mouseover: (_view, event) => {
          const ids = claimIdsAt(event.target)
          const element = innermostClaimElement(event.target)
          if (ids.length === 0 || element === null) return false
          options.onHover({ ids, rect: element.getBoundingClientRect(), source: 'pointer' })
          return false
        },
        mouseout: (_view, event) => {
          if (claimIdsAt(event.relatedTarget).length === 0) options.onHover(null)
          return false
        },
      },
    },
    view: (view) => {
      // Rebuild after every settled change to the claims or the text, and when the open
      // claim changes. Batched per task: typing fires one observer call per keystroke.
      let queued = false
      let destroyed = false
      const queueRefresh = () => {
        if (queued) return
        queued = true
        queueMicrotask(() => {
          queued = false
          if (destroyed || view.isDestroyed) return
          // Never redraw under an IME composition: try again once it has settled.
          if (view.composing) setTimeout(queueRefresh, 100)
          else refreshClaimHighlights(view)
        })
      }
      const claims = controller.ydoc.getMap('claims')
      claims.observeDeep(queueRefresh)
      controller.body.observeDeep(queueRefresh)
      const stopSelection = controller.subscribeSelection(queueRefresh)
      let lastCaretKey = ''
      // The caret's popover belongs to the text: it goes when focus leaves the editor.
      const onFocusOut = () => {
        if (lastCaretKey === '') return
        lastCaretKey = ''
        options.onHover(null)
      }
      view.dom.addEventListener('focusout', onFocusOut)
      return {
        update: (updated, previous) => {
          if (updated.state.selection.eq(previous.selection) && updated.state.doc.eq(previous.doc)) return
          // Keyboard users: the caret inside a claim shows it, as the pointer does.
          const caret = caretClaims(updated)
          const key = caret === null ? '' : caret.ids.join(',')
          if (key !== lastCaretKey) {
            lastCaretKey = key
            options.onHover(caret)
          }
        },
        destroy: () => {
          destroyed = true
          view.dom.removeEventListener('focusout', onFocusOut)
          claims.unobserveDeep(queueRefresh)
          controller.body.unobserveDeep(queueRefresh)
          stopSelection()
        },
      }
    },
  })
}

function buildDecorations(state: EditorState, controller: ClaimsController): DecorationSet {
  const binding = syncBinding(state)
  if (binding === undefined || binding.mapping.size === 0) return DecorationSet.empty
  const { ydoc, body: fragment } = controller
  const { selectedId, pointedId } = controller.getSelection()
  const claims = readClaims(ydoc)
  const text = BodyText.of(ydoc)
  const size = state.doc.content.size

  const placed: Array<{ claim: Claim; from: number; to: number }> = []
  for (const claim of claims) {
    const anchor = anchorClaim(ydoc, claim, text)
    if (anchor.status === 'detached') continue
    const start = anchor.status === 'anchored' ? decodeRelPos(claim.start) : text.relativePositionAt(anchor.from, 'start')
    const end = anchor.status === 'anchored' ? decodeRelPos(claim.end) : text.relativePositionAt(anchor.to, 'end')
    const from = toEditorPosition(ydoc, fragment, start, binding)
    const to = toEditorPosition(ydoc, fragment, end, binding)
    if (from === null || to === null || from >= to || from < 0 || to > size) continue
    placed.push({ claim, from, to })
  }
  // Longer claims first, so where claims overlap the longer one wraps the shorter.
  placed.sort((a, b) => a.from - b.from || b.to - b.from - (a.to - a.from))

  return DecorationSet.create(
    state.doc,
    placed.map(({ claim, from, to }) => {
      const classes = ['claim-hl', `claim-hl--${verdictKey(claim.verdict)}`]
      if (claim.id === selectedId) classes.push('claim-hl--selected')
      if (claim.id === pointedId) classes.push('claim-hl--pointed')
      return Decoration.inline(
        from,
        to,
        // nodeName: every claim gets its own element, so overlapping claims nest (and their
        // tints add up) instead of having their attributes merged into one span.
        { nodeName: 'span', class: classes.join(' '), 'data-claim-id': claim.id },
        { claimId: claim.id, inclusiveStart: false, inclusiveEnd: false },
      )
    }),
  )
}

/** The claims whose highlight contains a DOM node, innermost first. */
export function claimIdsAt(target: EventTarget | null): string[] {
  const ids: string[] = []
  let element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null
  while (element !== null) {
    if (element.classList.contains('ProseMirror')) break
    const id = element.getAttribute('data-claim-id')
    if (id !== null && !ids.includes(id)) ids.push(id)
    element = element.parentElement
  }
  return ids
}

function innermostClaimElement(target: EventTarget | null): HTMLElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null
  return element?.closest<HTMLElement>('[data-claim-id]') ?? null
}

/** Claims around a collapsed caret, for keyboard users; null when there are none. */
function caretClaims(view: EditorView): ClaimHover | null {
  const { selection } = view.state
  if (!selection.empty || !view.hasFocus()) return null
  const pos = selection.from
  const set = claimHighlightsKey.getState(view.state)?.decorations
  if (set === undefined) return null
  const around = set
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos < d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
  if (around.length === 0) return null
  const ids = around.map((d) => (d.spec as { claimId: string }).claimId)
  try {
    const coords = view.coordsAtPos(pos)
    return { ids, rect: { left: coords.left, right: coords.right, top: coords.top, bottom: coords.bottom }, source: 'caret' }
  } catch {
    return null
  }
}
