import { useEffect, useState, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { anchorableFromYMap, anchorClaim, BodyText, bodyFragment, claimsMap } from '@fc/shared/schema/index'
import { suggestCheckworthy, uncoveredSuggestions, type SentenceScore, type Suggestion } from '@fc/shared/suggest/index'
import type { TextRange } from '@fc/shared/text/quote'
import { whenIdle } from '../../ui/whenIdle'

/**
 * Typing changes the sentences, but a list that reshuffles on every keystroke cannot be
 * read: recompute at most this often while the text changes.
 */
export const TEXT_SETTLE_MS = 400

const NONE: readonly Suggestion[] = []

/**
 * The check-worthy sentences of one open document that no claim covers yet, computed in
 * the browser from the live Y.Doc with the shared `suggestCheckworthy`, over the same
 * plain text (BodyText) the server's suggestions endpoint reads. It follows everyone's
 * edits and claims as they arrive; nothing is fetched.
 */
export class SuggestionsFeed {
  private readonly body: Y.XmlFragment
  private readonly claims: Y.Map<unknown>
  private open: readonly Suggestion[] = NONE
  private key = ''
  /** The text last scored and its suggestions: a claim's change (verdict, comment…) leaves the text as it was. */
  private scored: { text: string; suggestions: Suggestion[] } | null = null
  /**
   * Scores by sentence, from the last recompute: after an edit only the sentences it touched
   * are scored again (the whole demo ×50 took ~50 ms of the main thread per pause in typing).
   */
  private sentenceScores = new Map<string, SentenceScore>()
  private readonly listeners = new Set<() => void>()
  private textTimer: ReturnType<typeof setTimeout> | null = null
  private cancelIdle: (() => void) | null = null
  private cancelClaimsIdle: (() => void) | null = null
  private queued = false
  private destroyed = false

  constructor(private readonly ydoc: Y.Doc) {
    this.body = bodyFragment(ydoc)
    this.claims = claimsMap(ydoc)
    this.body.observeDeep(this.onTextChange)
    this.claims.observeDeep(this.onClaimsChange)
    this.recompute()
  }

  destroy(): void {
    this.destroyed = true
    this.body.unobserveDeep(this.onTextChange)
    this.claims.unobserveDeep(this.onClaimsChange)
    if (this.textTimer !== null) clearTimeout(this.textTimer)
    this.cancelIdle?.()
    this.cancelClaimsIdle?.()
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Uncovered suggestions in text order; offsets into the plain text as of the last recompute. */
  readonly getSnapshot = (): readonly Suggestion[] => this.open

  private readonly onTextChange = () => {
    if (this.textTimer !== null || this.cancelIdle !== null) return
    // Re-scoring is not the keystroke's work: once the text settles, when the browser is idle.
    this.textTimer = setTimeout(() => {
      this.textTimer = null
      this.cancelIdle = whenIdle(() => {
        this.cancelIdle = null
        this.recompute()
      })
    }, TEXT_SETTLE_MS)
  }

  // A claim just marked (here or by someone else) takes its sentence off the list at once:
  // in the next idle moment, so a claim change that comes with typing (the server's quote
  // follow-up after a pause) does not delay the next key.
  private readonly onClaimsChange = () => {
    if (this.queued) return
    this.queued = true
    this.cancelClaimsIdle = whenIdle(() => {
      this.queued = false
      this.cancelClaimsIdle = null
      this.recompute()
    }, 100)
  }

  private recompute(): void {
    if (this.destroyed) return
    this.cancelIdle?.()
    this.cancelIdle = null
    const body = BodyText.of(this.ydoc)
    const claimed: TextRange[] = []
    // Only what anchoring reads: every claim's evidence and comments, read after each pause in
    // typing and each claim change, were most of this feed's time with 2,000 claims.
    this.claims.forEach((map) => {
      if (!(map instanceof Y.Map)) return
      const anchor = anchorClaim(this.ydoc, anchorableFromYMap(map), body)
      if (anchor.status !== 'detached') claimed.push({ from: anchor.from, to: anchor.to })
    })
    if (this.scored?.text !== body.text) {
      // Only this text's sentences are kept: the cache never outgrows the article.
      const kept = new Map<string, SentenceScore>()
      const previous = this.sentenceScores
      const cache = {
        get: (quote: string) => {
          const score = kept.get(quote) ?? previous.get(quote)
          if (score !== undefined) kept.set(quote, score)
          return score
        },
        set: (quote: string, score: SentenceScore) => kept.set(quote, score),
      }
      const suggestions = suggestCheckworthy(body.text, { cache })
      this.scored = { text: body.text, suggestions }
      this.sentenceScores = kept
    }
    const open = uncoveredSuggestions(this.scored.suggestions, claimed)
    // Most recomputes change nothing the list shows (typing only moves the offsets, which
    // the cards do not show): the fresh offsets are kept for whoever reads next, but nobody
    // is told, so the sidebar is not rendered again for them. Marking or revealing a
    // suggestion finds its words again anyway (locateSpan).
    const key = JSON.stringify(open.map((s) => [s.quote, s.reasons]))
    this.open = open
    if (key === this.key) return
    this.key = key
    for (const l of this.listeners) l()
  }
}

/** The open document's uncovered suggestions; none (and no work) when `enabled` is false. */
export function useSuggestionsFeed(ydoc: Y.Doc, enabled: boolean): readonly Suggestion[] {
  const [feed, setFeed] = useState<SuggestionsFeed | null>(null)
  useEffect(() => {
    if (!enabled) return
    const created = new SuggestionsFeed(ydoc)
    setFeed(created)
    return () => {
      created.destroy()
      setFeed(null)
    }
  }, [ydoc, enabled])
  return useSyncExternalStore(feed?.subscribe ?? noSubscription, feed?.getSnapshot ?? noSuggestions)
}

const noSubscription = () => () => {}
const noSuggestions = () => NONE
