import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { scrollBehavior } from '../../ui/scrolling'

/*
 * One passage of the text lit up for a moment, to show where something pointed at from
 * the sidebar sits (a suggested sentence). A decoration of this editor only: nothing is
 * written into the shared document, so nobody else sees it and undo never meets it.
 */

export interface Spot {
  from: number
  to: number
}

const spotlightKey = new PluginKey<Spot | null>('textSpotlight')

/** Long enough to find the words after the scroll, short enough not to linger as a mark. */
const SPOTLIGHT_MS = 4000

export const TextSpotlight = Extension.create({
  name: 'textSpotlight',

  addProseMirrorPlugins() {
    return [
      new Plugin<Spot | null>({
        key: spotlightKey,
        state: {
          init: () => null,
          apply: (tr, spot) => {
            const next = tr.getMeta(spotlightKey) as Spot | null | undefined
            if (next !== undefined) return next
            if (spot === null || !tr.docChanged) return spot
            // Someone typed meanwhile: the words moved, the light moves with them.
            const from = tr.mapping.map(spot.from, 1)
            const to = tr.mapping.map(spot.to, -1)
            return from < to ? { from, to } : null
          },
        },
        props: {
          decorations: (state) => {
            const spot = spotlightKey.getState(state)
            if (spot == null) return DecorationSet.empty
            return DecorationSet.create(state.doc, [Decoration.inline(spot.from, spot.to, { class: 'text-spotlight' })])
          },
        },
      }),
    ]
  },
})

const timers = new WeakMap<EditorView, ReturnType<typeof setTimeout>>()

/**
 * Lights up [from, to) (editor positions), scrolls it to the middle of the window and
 * puts the light out after SPOTLIGHT_MS; a newer spotlight replaces an older one.
 */
export function spotlightRange(view: EditorView, spot: Spot): void {
  if (view.isDestroyed) return
  const size = view.state.doc.content.size
  if (!(0 <= spot.from && spot.from < spot.to && spot.to <= size)) return
  clearTimeout(timers.get(view))
  view.dispatch(view.state.tr.setMeta(spotlightKey, spot).setMeta('addToHistory', false))
  const target = view.dom.querySelector('.text-spotlight')
  if (target instanceof HTMLElement) scrollTextIntoView(target)
  timers.set(
    view,
    setTimeout(() => {
      if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(spotlightKey, null).setMeta('addToHistory', false))
    }, SPOTLIGHT_MS),
  )
}

/** Brings words of the article to the middle of the window; gently, unless motion is reduced. */
export function scrollTextIntoView(target: HTMLElement): void {
  target.scrollIntoView({ block: 'center', behavior: scrollBehavior() })
}
