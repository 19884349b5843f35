import { useEffect, useState, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
// The schema sub-module, not the package root: the root also exports the zod API schemas,
// which the browser never needs (and which would not be tree-shaken away).
import {
  anchorClaims,
  bodyFragment,
  BodyText,
  claimsMap,
  decodeRelPos,
  readClaim,
  readClaims,
  repairClaimAnchor,
  type AnchorResult,
  type Claim,
} from '@fc/shared/schema/index'
import type { Editor } from '@tiptap/core'
import {
  locateSpan,
  markSelectionAsClaim,
  markTextAsClaim,
  type MarkResult,
  type TextSpan,
} from '../shared-text/markClaim'
import { syncBinding, toEditorPosition } from '../shared-text/positions'
import { claimTextOf, scrollRangeIntoView } from '../shared-text/claimText'
import { spotlightRange } from '../shared-text/textSpotlight'
import { whenIdle } from '../../ui/whenIdle'

/** A claim as the UI shows it: the stored claim plus where it sits in the text right now. */
export interface ClaimView {
  claim: Claim
  /**
   * `anchored`/`reanchored`: in the text (at these plain-text offsets when the view was made:
   * a view is kept while its claim and its status stay the same, so the offsets may be older
   * than the list's order); `detached`: listed apart.
   */
  anchor: AnchorResult
}

export interface ClaimsSnapshot {
  /** Claims in the text, in text order (ties: longer first, then oldest). */
  inText: readonly ClaimView[]
  /** Claims whose words are no longer in the text, oldest first. */
  detached: readonly ClaimView[]
  byId: ReadonlyMap<string, ClaimView>
}

export interface SelectionSnapshot {
  /** The claim whose card is open (and emphasized in the text). */
  selectedId: string | null
  /** Bumped on each request to bring the open card into view (a click in the text). */
  revealCard: number
  /** A claim pointed at from the sidebar (hover/focus on its card): emphasized in the text. */
  pointedId: string | null
  /** Why the last "Mark as claim" did nothing, until the next attempt or selection. */
  notice: string | null
  /** A verdict picked from the keyboard (1–7 on a claim): its card's editor takes it up and asks for the rationale. */
  verdictRequest?: { claimId: string; verdictId: string; seq: number }
}

const EMPTY: ClaimsSnapshot = { inText: [], detached: [], byId: new Map() }

/** Body edits arrive per keystroke; anchoring walks the whole text, so let them settle a little. */
const BODY_SETTLE_MS = 60

/**
 * The claims of one open article, shared by the editor (highlights) and the sidebar
 * (cards): one place that watches the Y.Doc, anchors every claim against the text,
 * re-anchors the ones whose words came back, and knows which claim is open.
 */
export class ClaimsController {
  readonly body: Y.XmlFragment
  private claimsData: ClaimsSnapshot = EMPTY
  private orderKey = ''
  /**
   * Every claim as last read, by id, and the ones changed since (`all`: read them all again).
   * A change to one claim (a verdict, the server's quote follow-up after a pause in typing)
   * re-reads that claim only: reading 2,000 claims with their evidence and comments on every
   * change was most of the controller's share of typing time.
   */
  private readonly claimsById = new Map<string, Claim>()
  private changed: Set<string> | 'all' = 'all'
  /** Claims in their stored order (oldest first), rebuilt only when a claim changed. */
  private ordered: Claim[] = []
  /**
   * The views last handed out, by id: a claim that did not change and kept its status keeps
   * its view object, so memoised cards skip it and a list of 2,000 renders only what moved.
   */
  private views = new Map<string, ClaimView>()
  private selection: SelectionSnapshot = { selectedId: null, revealCard: 0, pointedId: null, notice: null }
  private readonly dataListeners = new Set<() => void>()
  private readonly selectionListeners = new Set<() => void>()
  private readonly editorListeners = new Set<() => void>()
  private bodyTimer: ReturnType<typeof setTimeout> | null = null
  private cancelIdle: (() => void) | null = null
  private recomputeQueued = false
  private destroyed = false
  private editorRef: Editor | null = null

  constructor(
    readonly ydoc: Y.Doc,
    /** Who is working here: the author of the claims they mark. */
    readonly userId: string,
    /** Whether this person may write: only writers mark claims and store re-found positions. */
    private canWrite: boolean,
  ) {
    this.body = bodyFragment(ydoc)
    claimsMap(ydoc).observeDeep(this.onClaimsChange)
    this.body.observeDeep(this.onBodyChange)
    this.recompute()
  }

  destroy(): void {
    this.destroyed = true
    claimsMap(this.ydoc).unobserveDeep(this.onClaimsChange)
    this.body.unobserveDeep(this.onBodyChange)
    if (this.bodyTimer !== null) clearTimeout(this.bodyTimer)
    this.cancelIdle?.()
  }

  setCanWrite(canWrite: boolean): void {
    if (this.canWrite === canWrite) return
    this.canWrite = canWrite
    this.queueRecompute()
  }

  get writable(): boolean {
    return this.canWrite
  }

  // --- claims data ---------------------------------------------------------------

  readonly subscribeData = (listener: () => void): (() => void) => {
    this.dataListeners.add(listener)
    return () => this.dataListeners.delete(listener)
  }

  readonly getData = (): ClaimsSnapshot => this.claimsData

  private readonly onClaimsChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    if (this.changed !== 'all') {
      const claims = claimsMap(this.ydoc)
      for (const event of events) {
        if (event.target === claims) for (const id of event.changes.keys.keys()) this.changed.add(id)
        else if (typeof event.path[0] === 'string') this.changed.add(event.path[0])
        // A change somewhere this cannot place: read everything again rather than miss it.
        else this.changed = 'all'
        if (this.changed === 'all') break
      }
    }
    this.queueRecompute()
  }

  private readonly onBodyChange = () => {
    if (this.bodyTimer !== null || this.cancelIdle !== null) return
    // Anchoring every claim is not the keystroke's work: after the edits settle, and then when
    // the browser is idle (after the frame that shows the key), so a key never waits behind it.
    this.bodyTimer = setTimeout(() => {
      this.bodyTimer = null
      this.cancelIdle = whenIdle(() => {
        this.cancelIdle = null
        this.recompute()
      })
    }, BODY_SETTLE_MS)
  }

  private queueRecompute(): void {
    if (this.recomputeQueued) return
    this.recomputeQueued = true
    queueMicrotask(() => {
      this.recomputeQueued = false
      this.recompute()
    })
  }

  /** Reads the claims that changed since the last recompute; whether any did. */
  private readChanged(): boolean {
    const changed = this.changed
    if (changed !== 'all' && changed.size === 0) return false
    this.changed = new Set()
    if (changed === 'all') {
      this.claimsById.clear()
      for (const claim of readClaims(this.ydoc)) this.claimsById.set(claim.id, claim)
    } else {
      for (const id of changed) {
        const claim = readClaim(this.ydoc, id)
        if (claim === undefined) this.claimsById.delete(id)
        else this.claimsById.set(id, claim)
      }
    }
    // The order readClaims gives (oldest first, ties by id), without reading the others again.
    this.ordered = [...this.claimsById.values()].sort(
      (a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id),
    )
    return true
  }

  private recompute(): void {
    if (this.destroyed) return
    if (this.cancelIdle !== null) {
      // This recompute anchors against the text as it is now: a pending one has nothing left to do.
      this.cancelIdle()
      this.cancelIdle = null
    }
    const claimsChanged = this.readChanged()
    const claims = this.ordered
    const anchors = anchorClaims(this.ydoc, claims)
    const fresh = claims.map((claim): ClaimView => ({ claim, anchor: anchors.get(claim.id) ?? { status: 'detached' } }))

    // Words came back (undo, paste, retyping): store the re-found positions so every
    // client sees the claim attached again. Viewers cannot write; they still see it in
    // place, found by quote, without storing anything.
    const reanchored = fresh.filter((v) => v.anchor.status === 'reanchored' && positionsSeen(this.ydoc, v.claim))
    if (this.canWrite && reanchored.length > 0) {
      this.ydoc.transact(() => {
        for (const view of reanchored) repairClaimAnchor(this.ydoc, view.claim.id)
      }, this)
    }

    const inTextFresh = fresh
      .filter((v) => v.anchor.status !== 'detached')
      .sort((a, b) => {
        const ra = a.anchor as { from: number; to: number }
        const rb = b.anchor as { from: number; to: number }
        return ra.from - rb.from || rb.to - ra.to
      })
    const detachedFresh = fresh.filter((v) => v.anchor.status === 'detached')
    // Most body edits only shift offsets, which the cards do not show: keep the snapshot
    // (and skip a re-render) unless a claim, its status in the text or the order changed.
    const orderKey = `${inTextFresh.map((v) => `${v.claim.id}:${v.anchor.status}`).join(',')}\u0000${detachedFresh.map((v) => v.claim.id).join(',')}`
    if (!claimsChanged && orderKey === this.orderKey) return
    this.orderKey = orderKey
    const previous = this.views
    const keep = (v: ClaimView): ClaimView => {
      const old = previous.get(v.claim.id)
      return old !== undefined && old.claim === v.claim && old.anchor.status === v.anchor.status ? old : v
    }
    const inText = inTextFresh.map(keep)
    const detached = detachedFresh.map(keep)
    const byId = new Map<string, ClaimView>()
    for (const v of inText) byId.set(v.claim.id, v)
    for (const v of detached) byId.set(v.claim.id, v)
    this.views = byId
    this.claimsData = { inText, detached, byId }
    if (this.selection.selectedId !== null && !this.claimsData.byId.has(this.selection.selectedId)) {
      // The open claim was deleted (here or by someone else).
      this.setSelection({ ...this.selection, selectedId: null })
    }
    for (const l of this.dataListeners) l()
  }

  // --- which claim is open -------------------------------------------------------------

  readonly subscribeSelection = (listener: () => void): (() => void) => {
    this.selectionListeners.add(listener)
    return () => this.selectionListeners.delete(listener)
  }

  readonly getSelection = (): SelectionSnapshot => this.selection

  /**
   * Opens a claim's card. From the text (`text`), the sidebar scrolls the card into view;
   * from the sidebar (`sidebar`), the article scrolls to the claim's words.
   */
  open(claimId: string | null, from: 'text' | 'sidebar'): void {
    const same = this.selection.selectedId === claimId
    this.setSelection({
      ...this.selection,
      selectedId: claimId,
      revealCard: from === 'text' ? this.selection.revealCard + 1 : this.selection.revealCard,
    })
    if (claimId !== null && from === 'sidebar' && !same) this.revealInText(claimId)
  }

  toggle(claimId: string): void {
    this.open(this.selection.selectedId === claimId ? null : claimId, 'sidebar')
  }

  /** The keyboard's "this verdict for this claim": opens the claim and hands the choice to its verdict editor. */
  requestVerdict(claimId: string, verdictId: string): void {
    const seq = (this.selection.verdictRequest?.seq ?? 0) + 1
    this.setSelection({ ...this.selection, selectedId: claimId, verdictRequest: { claimId, verdictId, seq } })
  }

  /** The verdict editor took the request up: it is not applied twice. */
  consumeVerdictRequest(seq: number): void {
    if (this.selection.verdictRequest?.seq !== seq) return
    this.setSelection({ ...this.selection, verdictRequest: undefined })
  }

  point(claimId: string | null): void {
    if (this.selection.pointedId === claimId) return
    this.setSelection({ ...this.selection, pointedId: claimId })
  }

  private setSelection(next: SelectionSnapshot): void {
    this.selection = next
    for (const l of this.selectionListeners) l()
  }

  // --- the editor ------------------------------------------------------------------------

  /** Set by the editor once it exists; the toolbar and the sidebar reach the text through it. */
  setEditor(editor: Editor | null): void {
    if (this.editorRef === editor) return
    this.editorRef = editor
    for (const l of this.editorListeners) l()
  }

  get editor(): Editor | null {
    return this.editorRef && !this.editorRef.isDestroyed ? this.editorRef : null
  }

  readonly subscribeEditor = (listener: () => void): (() => void) => {
    this.editorListeners.add(listener)
    return () => this.editorListeners.delete(listener)
  }

  /**
   * "Mark as claim" for the toolbar, the bubble and the shortcut alike. Returns whether a
   * claim was made; otherwise `notice` says why not.
   */
  markSelection(): boolean {
    const editor = this.editor
    if (editor === null) return false
    const result = markSelectionAsClaim(editor, this, this.userId)
    if (!result.ok) {
      this.setSelection({ ...this.selection, notice: result.reason })
      return false
    }
    // Collapse the selection after the claim: the new highlight shows, the bubble goes.
    const { to } = editor.state.selection
    editor.chain().setTextSelection(to).run()
    this.setSelection({ ...this.selection, notice: null })
    this.open(result.claimId, 'text')
    return true
  }

  /**
   * "Mark as claim" on words of the plain text (a suggested sentence): the claim is made
   * like one from a selection, but neither the editor's selection nor the open card
   * changes, so whoever works down a list of suggestions keeps their place.
   */
  markText(span: TextSpan): MarkResult {
    return markTextAsClaim(this, span, this.userId)
  }

  clearNotice(): void {
    if (this.selection.notice !== null) this.setSelection({ ...this.selection, notice: null })
  }

  /** Scrolls the article so the claim's words are in view. */
  /**
   * From the text to the claims panel (Ctrl+Shift+Enter): the open claim, else the one under
   * the caret, gets its card opened and focused. Returns whether there was one.
   */
  focusCardFromText(): boolean {
    const editor = this.editor
    let claimId = this.selection.selectedId
    if (claimId === null && editor !== null)
      claimId = claimTextOf(editor.view)?.idsAt(editor.state.selection.from)[0] ?? null
    if (claimId === null) return false
    this.open(claimId, 'text')
    const id = claimId
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`[data-claim-card][data-claim-id="${CSS.escape(id)}"] [data-claim-head]`)
        ?.focus(),
    )
    return true
  }

  /** From a card back to its words (Escape on a closed card): the caret at the claim's start, in view. */
  focusTextAt(claimId: string): void {
    const editor = this.editor
    if (editor === null) return
    const pos = claimTextOf(editor.view)?.span(claimId)?.from ?? null
    if (pos === null) editor.commands.focus()
    else editor.chain().setTextSelection(pos).focus(undefined, { scrollIntoView: false }).run()
    this.revealInText(claimId)
  }

  revealInText(claimId: string): void {
    const editor = this.editor
    if (editor === null) return
    const range = claimTextOf(editor.view)?.range(claimId)
    if (range != null) scrollRangeIntoView(range)
  }

  /**
   * Scrolls the article to a span of the plain text (found again if the text moved) and
   * lights its words up for a moment, in this browser only. Placed the way claims found by
   * quote are placed.
   */
  revealText(span: TextSpan): void {
    const editor = this.editor
    const binding = editor === null ? undefined : syncBinding(editor.state)
    if (editor === null || binding === undefined) return
    const body = BodyText.of(this.ydoc)
    const range = locateSpan(body.text, span)
    if (range === null) return
    const { from, to } = range
    const start = toEditorPosition(this.ydoc, this.body, body.relativePositionAt(from, 'start'), binding)
    const end = toEditorPosition(this.ydoc, this.body, body.relativePositionAt(to, 'end'), binding)
    if (start === null || end === null) return
    spotlightRange(editor.view, { from: start, to: end })
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Whether this replica already holds the text a claim's stored positions point at. If it
 * does not (an update still on its way), the positions only look broken here: storing a
 * re-found range now would overwrite good positions, so the repair waits.
 */
function positionsSeen(doc: Y.Doc, claim: Claim): boolean {
  for (const encoded of [claim.start, claim.end]) {
    if (encoded === undefined) continue
    const pos = decodeRelPos(encoded)
    const id = pos?.item ?? pos?.type ?? null
    if (id !== null && Y.getState(doc.store, id.client) <= id.clock) return false
  }
  return true
}

export function useClaimsData(controller: ClaimsController): ClaimsSnapshot {
  return useSyncExternalStore(controller.subscribeData, controller.getData)
}

export function useClaimSelection(controller: ClaimsController): SelectionSnapshot {
  return useSyncExternalStore(controller.subscribeSelection, controller.getSelection)
}

export function useControllerEditor(controller: ClaimsController): Editor | null {
  return useSyncExternalStore(controller.subscribeEditor, () => controller.editor)
}

/** One controller per open document, created after the socket exists and destroyed with it. */
export function useClaimsController(ydoc: Y.Doc | null, userId: string, canWrite: boolean): ClaimsController | null {
  const [controller, setController] = useState<ClaimsController | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: canWrite is applied by the effect below without rebuilding the controller
  useEffect(() => {
    if (ydoc === null) return
    const created = new ClaimsController(ydoc, userId, canWrite)
    setController(created)
    return () => {
      created.destroy()
      setController(null)
    }
    // canWrite is applied below without rebuilding everything.
  }, [ydoc, userId])
  useEffect(() => controller?.setCanWrite(canWrite), [controller, canWrite])
  return controller
}
