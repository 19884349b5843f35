import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  AddMarkStep,
  Mapping,
  RemoveMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  StepMap,
  type Transform,
} from '@tiptap/pm/transform'

/*
 * Where an edit changed the article, worked out once per transaction and kept in the claim
 * highlights' plugin state, so the painter (after the view update) does not diff the two
 * documents again. A remote change (y-tiptap replaces the whole document) is diffed once;
 * a local one is read off its steps (no diff at all).
 */

/** The part of the new document an edit replaced: [from, to) in it. */
export interface EditedSpan {
  from: number
  to: number
}

/** Two documents' difference: the span in the new one, and where it ended in the old one. */
export interface DiffSpan extends EditedSpan {
  toBefore: number
}

/** The one range where two documents differ, or null when they are equal. */
export function differingSpan(before: ProseMirrorNode, after: ProseMirrorNode): DiffSpan | null {
  const start = before.content.findDiffStart(after.content)
  if (start === null) return null
  const end = before.content.findDiffEnd(after.content)
  if (end === null) return null
  let { a: endA, b: endB } = end
  // Repeated text around the change: the two scans overlap; move the ends past the start.
  const overlap = start - Math.min(endA, endB)
  if (overlap > 0) {
    endA += overlap
    endB += overlap
  }
  return { from: start, to: endB, toBefore: endA }
}

/** A span as a mapping: what lies before it stays, what lies after it shifts by the size change. */
export function spanMapping(span: DiffSpan | null): Mapping {
  if (span === null) return new Mapping()
  return new Mapping([new StepMap([span.from, span.toBefore - span.from, span.to - span.from])])
}

/**
 * The range of the final document that a transform's steps touched (from the first position
 * a step replaced or restyled to the end of the last one), or null when the steps do not say
 * (a step of another kind, or none that touched a range): the caller diffs instead.
 */
export function stepsSpan(tr: Transform): EditedSpan | null {
  let span: EditedSpan | null = null
  const { steps, mapping } = tr
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    const map = mapping.maps[i]!
    // What earlier steps touched, carried through this one.
    if (span !== null) span = { from: map.map(span.from, -1), to: map.map(span.to, 1) }
    let touched: EditedSpan | null = null
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      // Marks move no position, but split and join the text nodes in their range.
      touched = { from: step.from, to: step.to }
    } else if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        touched = touched === null ? { from: newStart, to: newEnd } : union(touched, { from: newStart, to: newEnd })
      })
      // A replacement of nothing by nothing (or one ProseMirror could not map): unknown.
      if (touched === null) return null
    } else {
      return null
    }
    span = span === null ? touched : union(span, touched)
  }
  return span
}

function union(a: EditedSpan, b: EditedSpan): EditedSpan {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) }
}
