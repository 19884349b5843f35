import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import type { Mapping } from '@tiptap/pm/transform'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { anchorClaim, BodyText, decodeRelPos, readClaim, readClaims, type Claim } from '@fc/shared/schema/index'
import type { ClaimsController } from '../claims/ClaimsController'
import { verdictKey } from '../claims/verdictStyle'
import { syncBinding, toEditorPosition } from '../shared-text/positions'
import { provideClaimText, type ClaimText } from '../shared-text/claimText'
import { whenIdle } from '../../ui/whenIdle'
import { ClaimPainter, highlightsSupported, rangeOf, type Emphasis, type Painted } from './claimPainter'
import { differingSpan, spanMapping, stepsSpan, type EditedSpan } from './editedSpan'

/*
 * Where claims are in the text, as a ProseMirror DecorationSet, never marks: y-prosemirror
 * merges overlapping marks of one type (its issues #34 and #61), decorations may overlap
 * freely, and a set maps through every edit. The set is not drawn as elements: where the
 * browser has the CSS Custom Highlight API, claimPainter.ts paints it as highlights (the
 * article's DOM is the same with 0 or 2,000 claims); elsewhere it is drawn as nested spans.
 * Clicks and hover are resolved from the pointer's position (posAtCoords, then the claims'
 * ranges' rectangles), the caret from the set.
 *
 * Positions. A claim stores Yjs relative positions (`start` bound to its first character,
 * `end` to its last). y-tiptap's `relativePositionToAbsolutePosition`, fed the live
 * binding's mapping (Y type → ProseMirror node), turns them into editor positions; that
 * walks the document for every claim, so it is never done for all claims per keystroke
 * (with 2,000 claims that was ~30 ms of every key; tests/bench/README.md, "Client: typing"):
 * - an edit maps the set: a local one through its own steps, a remote one (y-tiptap
 *   replaces the whole document) through the one range where the documents differ;
 * - a change to some claims (marked, deleted, re-anchored, verdict…) redraws those claims
 *   only, and a change of the open or pointed claim only restyles the claims concerned;
 * - once the text has been quiet for VERIFY_AFTER_MS, every claim is placed again from its
 *   stored positions (the rule below), in idle slices, and the set is swapped only where it differs: mapping
 *   can disagree with Yjs at a claim's very edge (a remote letter typed against it);
 * - the first render and a claims snapshot whose anchoring changed rebuild everything.
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
  /** The emphasis the set was drawn with. */
  selectedId: string | null
  pointedId: string | null
  /** False until the Yjs binding has rendered the document: nothing could be placed before. */
  bound: boolean
  /** Counts the refreshes that redrew claims; the painter repaints everything if it missed one. */
  version: number
  /** The claims the last such refresh redrew or restyled. */
  changed: ReadonlySet<string> | 'all'
  /** What the last edit changed, worked out once for the mapping here and the painter after the view update. */
  edit: DocEdit | null
}

/** The span of `after` that differs from `before` (null: nothing does, they are equal). */
interface DocEdit {
  before: ProseMirrorNode
  after: ProseMirrorNode
  span: EditedSpan | null
}

export const claimHighlightsKey = new PluginKey<HighlightState>('claimHighlights')

/**
 * What a refresh redraws: every claim (`all`: first render, anchoring changed), every claim
 * but keeping the set where nothing moved (`verify`), some claims (`claims`), or only the
 * open/pointed emphasis (`emphasis`).
 */
type Refresh =
  | { kind: 'all' }
  | { kind: 'verify'; placed: Placed[]; doc: ProseMirrorNode }
  | { kind: 'claims'; ids: ReadonlySet<string> }
  | { kind: 'emphasis' }

/** A pause in the text this long, and every claim is placed again from its stored positions. */
const VERIFY_AFTER_MS = 400

/**
 * Placing 2,000 claims again takes tens of milliseconds: done in idle slices of about this
 * long, so a key pressed meanwhile never waits behind the whole of it.
 */
const VERIFY_SLICE_MS = 6

export function refreshClaimHighlights(view: EditorView, refresh: Refresh = { kind: 'all' }): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, refresh).setMeta('addToHistory', false))
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
  const pointer = new PointerTracker(options.onHover)
  // Asked once: ProseMirror asks for the decorations on every view update.
  const painted = highlightsSupported()
  return new Plugin<HighlightState>({
    key: claimHighlightsKey,
    state: {
      init: (_config, state) => fullState(state, controller),
      apply: (tr: Transaction, previous: HighlightState, old: EditorState, state: EditorState): HighlightState => {
        const refresh = tr.getMeta(claimHighlightsKey) as Refresh | undefined
        // The binding's first render (or a claims change before it) places everything.
        if (!previous.bound) return { ...fullState(state, controller), version: previous.version + 1 }
        let next = previous
        if (tr.docChanged) {
          const { mapping, span } = editOf(tr, old, state)
          next = {
            ...next,
            decorations: next.decorations.map(mapping, tr.doc),
            edit: { before: old.doc, after: state.doc, span },
          }
        }
        if (refresh === undefined) return next
        const refreshed = applyRefresh(refresh, next, state, controller)
        return refreshed === next ? next : { ...refreshed, version: next.version + 1 }
      },
    },
    props: {
      // Where the browser draws custom highlights the set is only where claims are (the
      // painter draws them); elsewhere it is drawn as nested spans, as it was before.
      decorations: (state) =>
        painted ? DecorationSet.empty : (claimHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty),
      handleClick: (view, _pos, event) => {
        const ids = claimIdsAtPoint(view, event.clientX, event.clientY)
        if (ids.length === 0) return false
        // Overlapping claims: the innermost opens first, a second click the next one out.
        const current = controller.getSelection().selectedId
        const at = current === null ? -1 : ids.indexOf(current)
        controller.open(ids[(at + 1) % ids.length] ?? null, 'text')
        return false // the caret still goes where the person clicked
      },
      handleDOMEvents: {
        // No element per claim, so no mouseover per claim: the pointer's position is asked
        // which claims it is on, once a frame at most, and only when the pointer moved.
        mousemove: (view, event) => {
          pointer.at = { x: event.clientX, y: event.clientY }
          if (pointer.frame === 0) pointer.frame = requestAnimationFrame(() => pointer.check(view))
          return false
        },
        mouseleave: (view) => {
          pointer.leave(view)
          return false
        },
      },
    },
    view: (view) => {
      const painter = painted ? new ClaimPainter(view) : null
      pointer.painter = painter
      provideClaimText(view, claimTextFor(view))
      // Claims near the window are drawn: measured once the page has laid the text out, and
      // again after every scroll or resize (once a frame at most).
      let measureFrame = 0
      const remeasure = () => {
        measureFrame = 0
        if (painter === null || view.isDestroyed) return
        if (painter.measure()) paintAll(view, painter, false)
      }
      const onResize = () => {
        if (measureFrame === 0) measureFrame = requestAnimationFrame(remeasure)
      }
      // Which claims the caret is in, as last told (their popover shown).
      let lastCaretKey = ''
      // A scroll hides the popover (the words moved from under it): the pointer and the caret
      // forget their claims too, so the next move on the same words brings the popover back.
      const onScroll = () => {
        pointer.forget(view)
        lastCaretKey = ''
        onResize()
      }
      if (painter !== null) onResize()
      window.addEventListener('scroll', onScroll, { capture: true, passive: true })
      if (painter !== null) window.addEventListener('resize', onResize, { passive: true })
      // Refreshes are batched per task: one Yjs transaction may touch many claims.
      let queued: Refresh | null = null
      let destroyed = false
      let verifyTimer: ReturnType<typeof setTimeout> | null = null
      const queue = (refresh: Refresh) => {
        const first = queued === null
        queued = merge(queued, refresh)
        if (!first) return
        queueMicrotask(flush)
      }
      const flush = () => {
        if (destroyed || view.isDestroyed || queued === null) return
        // Never redraw under an IME composition: try again once it has settled.
        if (view.composing) {
          setTimeout(flush, 100)
          return
        }
        const refresh = queued
        queued = null
        refreshClaimHighlights(view, refresh)
      }
      let cancelVerify: (() => void) | null = null
      let claimsVersion = 0
      const scheduleVerify = () => {
        if (verifyTimer !== null) clearTimeout(verifyTimer)
        cancelVerify?.()
        cancelVerify = null
        verifyTimer = setTimeout(() => {
          verifyTimer = null
          startVerify()
        }, VERIFY_AFTER_MS)
      }
      // Every claim placed again from its stored positions, a slice at a time in idle moments,
      // against one text: if the text changes meanwhile, the job is dropped (the edit schedules another).
      const startVerify = () => {
        const doc = view.state.doc
        const binding = syncBinding(view.state)
        if (binding === undefined) return
        const version = claimsVersion
        // The controller's claims, already read (reading 2,000 again here was ~15 ms in one go).
        const data = controller.getData()
        const claims = [...data.inText, ...data.detached].map((v) => v.claim)
        const text = BodyText.of(controller.ydoc)
        const placed: Placed[] = []
        let at = 0
        const slice = () => {
          cancelVerify = null
          // A claim changed meanwhile (its own refresh redrew it): these placements are stale.
          if (destroyed || view.isDestroyed || view.state.doc !== doc || claimsVersion !== version) return
          const until = performance.now() + VERIFY_SLICE_MS
          while (at < claims.length && performance.now() < until) {
            const chunk = claims.slice(at, at + 25)
            at += chunk.length
            placed.push(...placeClaims(view.state, controller, chunk, text))
          }
          if (at < claims.length) cancelVerify = whenIdle(slice)
          else queue({ kind: 'verify', placed, doc })
        }
        cancelVerify = whenIdle(slice)
      }
      const claimsType = controller.ydoc.getMap('claims')
      const onClaims = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
        claimsVersion++
        const ids = new Set<string>()
        for (const event of events) {
          if (event.target === claimsType) for (const id of event.changes.keys.keys()) ids.add(id)
          else if (typeof event.path[0] === 'string') ids.add(event.path[0])
        }
        if (ids.size > 0) queue({ kind: 'claims', ids })
      }
      claimsType.observeDeep(onClaims)
      // A claim whose words were deleted, or found again, is drawn again (or no longer): the
      // controller's snapshot says which claims are in the text now.
      let statuses = anchorStatuses(controller)
      const stopData = controller.subscribeData(() => {
        const now = anchorStatuses(controller)
        const ids = new Set<string>()
        for (const [id, status] of now) if (status !== statuses.get(id)) ids.add(id)
        for (const id of statuses.keys()) if (!now.has(id)) ids.add(id)
        statuses = now
        if (ids.size > 0) queue({ kind: 'claims', ids })
      })
      let emphasis = emphasisOf(controller)
      const stopSelection = controller.subscribeSelection(() => {
        const now = emphasisOf(controller)
        if (now === emphasis) return
        emphasis = now
        queue({ kind: 'emphasis' })
      })
      // The caret's popover belongs to the text: it goes when focus leaves the editor.
      const onFocusOut = () => {
        if (lastCaretKey === '') return
        lastCaretKey = ''
        options.onHover(null)
      }
      view.dom.addEventListener('focusout', onFocusOut)
      return {
        update: (updated, previous) => {
          const edit = editBetween(previous, updated.state)
          if (painter !== null) paintUpdate(updated, previous, painter, edit)
          const docChanged = edit !== null
          if (docChanged) scheduleVerify()
          if (updated.state.selection.eq(previous.selection) && !docChanged) return
          // Keyboard users: the caret inside a claim shows it, as the pointer does. Where the
          // caret is on screen is asked only when it enters other claims: asking forces a
          // layout of the page in the middle of every keystroke.
          const ids = caretClaimIds(updated)
          const key = ids.join(',')
          if (key !== lastCaretKey) {
            lastCaretKey = key
            options.onHover(caretHover(updated, ids))
          }
        },
        destroy: () => {
          destroyed = true
          painter?.destroy()
          if (measureFrame !== 0) cancelAnimationFrame(measureFrame)
          window.removeEventListener('scroll', onScroll, { capture: true })
          window.removeEventListener('resize', onResize)
          pointer.leave()
          provideClaimText(view, null)
          if (verifyTimer !== null) clearTimeout(verifyTimer)
          cancelVerify?.()
          view.dom.removeEventListener('focusout', onFocusOut)
          claimsType.unobserveDeep(onClaims)
          stopData()
          stopSelection()
        },
      }
    },
  })
}

/** Two refreshes queued in one task: the wider one, or both claim sets. */
function merge(a: Refresh | null, b: Refresh): Refresh {
  if (a === null) return b
  // A verification's placements were read before these claims changed: place everything now.
  if ((a.kind === 'verify' && b.kind === 'claims') || (a.kind === 'claims' && b.kind === 'verify'))
    return { kind: 'all' }
  const rank = { emphasis: 0, claims: 1, verify: 2, all: 3 } as const
  if (a.kind === 'claims' && b.kind === 'claims') return { kind: 'claims', ids: new Set([...a.ids, ...b.ids]) }
  // A claims refresh restyles the emphasis as well.
  if (a.kind === 'claims' && b.kind === 'emphasis') return a
  if (b.kind === 'claims' && a.kind === 'emphasis') return b
  return rank[a.kind] >= rank[b.kind] ? a : b
}

function anchorStatuses(controller: ClaimsController): Map<string, string> {
  const statuses = new Map<string, string>()
  for (const [id, view] of controller.getData().byId) statuses.set(id, view.anchor.status)
  return statuses
}

function emphasisOf(controller: ClaimsController): string {
  const { selectedId, pointedId } = controller.getSelection()
  return `${selectedId ?? ''}\u0000${pointedId ?? ''}`
}

/**
 * How a transaction moves the claims, and the span it edited (kept in the state for the
 * painter). y-tiptap applies a remote change (and a Yjs undo) as a replacement of the whole
 * document: its steps would collapse every highlight, the one range that differs does not, so
 * that range is diffed, once. A local edit says where it went; one whose steps replaced
 * everything (a new document set) is diffed.
 */
function editOf(tr: Transaction, old: EditorState, state: EditorState): { mapping: Mapping; span: EditedSpan | null } {
  const remote = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true
  if (remote) {
    const diff = differingSpan(old.doc, state.doc)
    return { mapping: spanMapping(diff), span: diff }
  }
  const steps = stepsSpan(tr)
  const whole = steps === null || (steps.from === 0 && steps.to === state.doc.content.size)
  return { mapping: tr.mapping, span: whole ? differingSpan(old.doc, state.doc) : steps }
}

/**
 * The span of the document that differs between two states of one view update, as the
 * plugin state worked it out (diffed only when the update held more than one edit, or none
 * the state saw); null when the documents are equal.
 */
function editBetween(previous: EditorState, state: EditorState): EditedSpan | null {
  if (previous.doc === state.doc) return null
  const edit = claimHighlightsKey.getState(state)?.edit
  if (edit != null && edit.before === previous.doc && edit.after === state.doc) return edit.span
  return differingSpan(previous.doc, state.doc)
}

interface Placed {
  id: string
  verdict: Claim['verdict']
  from: number
  to: number
}

function fullState(state: EditorState, controller: ClaimsController): HighlightState {
  const binding = syncBinding(state)
  const bound = binding !== undefined && binding.mapping.size > 0
  return stateOf(state, controller, bound ? placeClaims(state, controller, readClaims(controller.ydoc)) : [], bound)
}

function stateOf(state: EditorState, controller: ClaimsController, unsorted: Placed[], bound = true): HighlightState {
  const { selectedId, pointedId } = controller.getSelection()
  const placed = [...unsorted].sort(byPlace)
  return {
    decorations: DecorationSet.create(
      state.doc,
      placed.map((p) => decorationOf(p, selectedId, pointedId)),
    ),
    selectedId,
    pointedId,
    bound,
    version: 0,
    changed: 'all',
    edit: null,
  }
}

/** Where claims sit in the editor now (the ones that are in the text), longer claims first at equal starts. */
function placeClaims(
  state: EditorState,
  controller: ClaimsController,
  claims: readonly Claim[],
  text: BodyText = BodyText.of(controller.ydoc),
): Placed[] {
  const binding = syncBinding(state)
  if (binding === undefined || binding.mapping.size === 0 || claims.length === 0) return []
  const { ydoc, body: fragment } = controller
  const size = state.doc.content.size
  const placed: Placed[] = []
  for (const claim of claims) {
    const anchor = anchorClaim(ydoc, claim, text)
    if (anchor.status === 'detached') continue
    const start =
      anchor.status === 'anchored' ? decodeRelPos(claim.start) : text.relativePositionAt(anchor.from, 'start')
    const end = anchor.status === 'anchored' ? decodeRelPos(claim.end) : text.relativePositionAt(anchor.to, 'end')
    const from = toEditorPosition(ydoc, fragment, start, binding)
    const to = toEditorPosition(ydoc, fragment, end, binding)
    if (from === null || to === null || from >= to || from < 0 || to > size) continue
    placed.push({ id: claim.id, verdict: claim.verdict, from, to })
  }
  return placed.sort(byPlace)
}

/** Longer claims first at equal starts, so where claims overlap the longer one wraps the shorter. */
function byPlace(a: Placed, b: Placed): number {
  return a.from - b.from || b.to - b.from - (a.to - a.from)
}

function decorationOf(
  { id, verdict, from, to }: Placed,
  selectedId: string | null,
  pointedId: string | null,
): Decoration {
  const classes = ['claim-hl', `claim-hl--${verdictKey(verdict)}`]
  if (id === selectedId) classes.push('claim-hl--selected')
  if (id === pointedId) classes.push('claim-hl--pointed')
  return Decoration.inline(
    from,
    to,
    // nodeName: every claim gets its own element, so overlapping claims nest (and their
    // tints add up) instead of having their attributes merged into one span.
    { nodeName: 'span', class: classes.join(' '), 'data-claim-id': id },
    // Primitives only: ProseMirror compares specs key by key, and equal decorations redraw nothing.
    { claimId: id, verdict, inclusiveStart: false, inclusiveEnd: false } satisfies HighlightSpec,
  )
}

interface HighlightSpec {
  claimId: string
  verdict: Claim['verdict']
  inclusiveStart: false
  inclusiveEnd: false
}

function specOf(decoration: Decoration): HighlightSpec {
  return decoration.spec as HighlightSpec
}

/** Some claims changed (or came, or went): only theirs are taken out and placed again. */
function redrawClaims(
  previous: HighlightState,
  state: EditorState,
  controller: ClaimsController,
  ids: ReadonlySet<string>,
): HighlightState {
  // Drawn with the emphasis the rest of the set has; restyle() brings both up to date.
  const { selectedId, pointedId } = previous
  const stale = previous.decorations.find(undefined, undefined, (spec) => ids.has((spec as HighlightSpec).claimId))
  const claims = [...ids].flatMap((id) => readClaim(controller.ydoc, id) ?? [])
  const fresh = placeClaims(state, controller, claims).map((p) => decorationOf(p, selectedId, pointedId))
  return { ...previous, decorations: previous.decorations.remove(stale).add(state.doc, fresh), changed: ids }
}

/** The open or pointed claim changed: the claims that lose or gain emphasis are restyled in place. */
function restyle(
  previous: HighlightState,
  state: EditorState,
  controller: ClaimsController,
  carried: ReadonlySet<string> = new Set(),
): HighlightState {
  const { selectedId, pointedId } = controller.getSelection()
  if (selectedId === previous.selectedId && pointedId === previous.pointedId) return previous
  const touched = new Set(
    [previous.selectedId, previous.pointedId, selectedId, pointedId].filter((id): id is string => id !== null),
  )
  const stale = previous.decorations.find(undefined, undefined, (spec) => touched.has((spec as HighlightSpec).claimId))
  const fresh = stale.map((d) =>
    decorationOf({ id: specOf(d).claimId, verdict: specOf(d).verdict, from: d.from, to: d.to }, selectedId, pointedId),
  )
  return {
    ...previous,
    decorations: previous.decorations.remove(stale).add(state.doc, fresh),
    selectedId,
    pointedId,
    changed: new Set([...carried, ...touched]),
  }
}

/** Whether two sets draw the same highlights at the same places. */
function sameDecorations(a: DecorationSet, b: DecorationSet, state: EditorState): boolean {
  const size = state.doc.content.size
  const listA = a.find(0, size)
  const listB = b.find(0, size)
  if (listA.length !== listB.length) return false
  const key = (d: Decoration) => `${d.from}:${d.to}:${specOf(d).claimId}:${specOf(d).verdict ?? ''}`
  const keysA = listA.map(key).sort()
  const keysB = listB.map(key).sort()
  return keysA.every((k, i) => k === keysB[i])
}

/** Claims around a collapsed caret in the focused editor, innermost first, for keyboard users. */
function caretClaimIds(view: EditorView): string[] {
  const { selection } = view.state
  if (!selection.empty || !view.hasFocus()) return []
  return idsAtPos(view.state, selection.from)
}

/** Claims containing a caret at `pos` (it is inside from the first letter to before the last's end), innermost first. */
function idsAtPos(state: EditorState, pos: number): string[] {
  const set = claimHighlightsKey.getState(state)?.decorations
  if (set === undefined) return []
  return set
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos < d.to)
    .sort(shorterFirst)
    .map((d) => specOf(d).claimId)
}

const shorterFirst = (a: Decoration, b: Decoration) => a.to - a.from - (b.to - b.from)

/** The caret's popover for these claims; null when there are none. */
function caretHover(view: EditorView, ids: string[]): ClaimHover | null {
  if (ids.length === 0) return null
  try {
    const coords = view.coordsAtPos(view.state.selection.from)
    return {
      ids,
      rect: { left: coords.left, right: coords.right, top: coords.top, bottom: coords.bottom },
      source: 'caret',
    }
  } catch {
    return null
  }
}

function applyRefresh(
  refresh: Refresh,
  next: HighlightState,
  state: EditorState,
  controller: ClaimsController,
): HighlightState {
  switch (refresh.kind) {
    case 'all':
      return fullState(state, controller)
    case 'verify': {
      // Placed against another text (an edit landed after the last slice): the next pause checks again.
      if (refresh.doc !== state.doc) return next
      const rebuilt = stateOf(state, controller, refresh.placed)
      return sameDecorations(rebuilt.decorations, next.decorations, state) ? restyle(next, state, controller) : rebuilt
    }
    case 'claims': {
      const redrawn = redrawClaims(next, state, controller, refresh.ids)
      return restyle(redrawn, state, controller, refresh.ids)
    }
    case 'emphasis':
      return restyle(next, state, controller)
  }
}

function lookOf(decoration: Decoration): Painted {
  const { claimId, verdict } = specOf(decoration)
  return { id: claimId, from: decoration.from, to: decoration.to, look: `claim-${verdictKey(verdict)}` }
}

function emphasisIn(state: EditorState): Emphasis {
  const s = claimHighlightsKey.getState(state)
  return { selectedId: s?.selectedId ?? null, pointedId: s?.pointedId ?? null }
}

function paintAll(view: EditorView, painter: ClaimPainter | null, again = true): void {
  const set = claimHighlightsKey.getState(view.state)?.decorations
  if (painter === null || set === undefined || painter.span === null) return
  painter.paintAll(set.find(painter.span.from, painter.span.to).map(lookOf), emphasisIn(view.state), again)
}

/**
 * After each view update (ProseMirror has redrawn the DOM): the claims a refresh changed,
 * the claims in the blocks an edit touched, and any claim whose text nodes were replaced
 * get new ranges; every other range still covers its words.
 */
function paintUpdate(view: EditorView, previous: EditorState, painter: ClaimPainter, edit: EditedSpan | null): void {
  const now = claimHighlightsKey.getState(view.state)
  const before = claimHighlightsKey.getState(previous)
  if (now === undefined || before === undefined) return
  const refreshed = now.version !== before.version
  if (refreshed && (now.version - before.version > 1 || now.changed === 'all')) {
    paintAll(view, painter)
    return
  }
  const placed = new Map<string, Painted>()
  const ids = new Set<string>()
  const placeAll = (decorations: readonly Decoration[]) => {
    for (const d of decorations) {
      ids.add(specOf(d).claimId)
      placed.set(specOf(d).claimId, lookOf(d))
    }
  }
  /** These claims placed where the set has them; ids the set no longer holds are repainted away. */
  const placeIds = (wanted: ReadonlySet<string>) => {
    for (const id of wanted) ids.add(id)
    placeAll(now.decorations.find(undefined, undefined, (spec) => wanted.has((spec as HighlightSpec).claimId)))
  }
  if (refreshed && now.changed !== 'all') placeIds(now.changed)
  if (edit !== null) {
    const touched = blocksAround(view.state.doc, edit)
    painter.shift(touched.from, view.state.doc.content.size - previous.doc.content.size)
    placeAll(now.decorations.find(touched.from, touched.to))
  }
  const stale = painter.stale().filter((id) => !placed.has(id))
  if (stale.length > 0) placeIds(new Set(stale))
  if (ids.size > 0) painter.repaint(ids, placed, emphasisIn(view.state))
  // After a refresh (never a keystroke's own update), every claim of the set near the window
  // is checked to be drawn, whatever the changed ids said (cheap: a screen's claims).
  if (refreshed) paintAll(view, painter, false)
}

/** The top-level blocks of `doc` that hold an edited span. */
function blocksAround(doc: ProseMirrorNode, edit: EditedSpan): { from: number; to: number } {
  const size = doc.content.size
  const $from = doc.resolve(Math.min(edit.from, size))
  const $to = doc.resolve(Math.min(Math.max(edit.to, edit.from), size))
  return { from: $from.depth > 0 ? $from.before(1) : $from.pos, to: $to.depth > 0 ? $to.after(1) : $to.pos }
}

/**
 * The claims whose words are under a point of the viewport, innermost (shortest) first:
 * the claims around the nearest text position, kept only where one of their range's
 * rectangles holds the point (a click past the end of a line is in no claim).
 */
function claimIdsAtPoint(view: EditorView, x: number, y: number): string[] {
  const set = claimHighlightsKey.getState(view.state)?.decorations
  if (set === undefined || view.isDestroyed) return []
  const hit = view.posAtCoords({ left: x, top: y })
  if (hit === null) return []
  const { pos } = hit
  const ids: string[] = []
  for (const d of set
    .find(Math.max(0, pos - 1), pos + 1)
    .filter((d) => d.from <= pos && pos <= d.to)
    .sort(shorterFirst)) {
    const id = specOf(d).claimId
    if (!ids.includes(id) && holds(rangeOf(view, d.from, d.to), x, y)) ids.push(id)
  }
  return ids
}

function holds(range: Range | null, x: number, y: number): boolean {
  if (range === null) return false
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true
  return false
}

function claimTextFor(view: EditorView): ClaimText {
  const span = (claimId: string) => {
    const set = claimHighlightsKey.getState(view.state)?.decorations
    const d = set?.find(undefined, undefined, (spec) => (spec as HighlightSpec).claimId === claimId)[0]
    return d === undefined ? null : { from: d.from, to: d.to }
  }
  return {
    span,
    idsAt: (pos) => idsAtPos(view.state, pos),
    range: (claimId) => {
      const s = span(claimId)
      return s === null ? null : rangeOf(view, s.from, s.to)
    },
  }
}

/** The claims under the pointer, checked once a frame while it moves; a popover and the pointed look follow them. */
class PointerTracker {
  at: { x: number; y: number } | null = null
  frame = 0
  painter: ClaimPainter | null = null
  private key = ''

  constructor(private readonly onHover: (hover: ClaimHover | null) => void) {}

  check(view: EditorView): void {
    this.frame = 0
    if (this.at === null || view.isDestroyed) return
    const ids = claimIdsAtPoint(view, this.at.x, this.at.y)
    const key = ids.join(',')
    if (key === this.key) return
    this.key = key
    const innermost = ids[0]
    const range = innermost === undefined ? null : claimTextFor(view).range(innermost)
    this.onHover(range === null ? null : { ids, rect: range.getBoundingClientRect(), source: 'pointer' })
    this.painter?.hover(innermost ?? null, emphasisIn(view.state))
    // Words in a claim take a click (no element of theirs could carry the cursor).
    view.dom.style.cursor = innermost === undefined ? '' : 'pointer'
  }

  leave(view?: EditorView): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame)
    this.frame = 0
    this.at = null
    this.forget(view)
  }

  /** The claims pointed at are forgotten (their look and cursor too), the pointer's place kept. */
  forget(view?: EditorView): void {
    if (this.key === '') return
    this.key = ''
    this.onHover(null)
    if (view === undefined || view.isDestroyed) return
    this.painter?.hover(null, emphasisIn(view.state))
    view.dom.style.cursor = ''
  }
}
