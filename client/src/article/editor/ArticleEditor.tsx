import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { useEffect, useState } from 'react'
import type { Me, Role } from '../../api/types'
import { canEdit } from '../../api/types'
import type { ClaimsController } from '../claims/ClaimsController'
import { renderCaret, renderSelection } from './carets'
import { ClaimHighlights, type ClaimHover } from './claimHighlights'
import { ClaimCaretAnnouncer, ClaimPopover, MarkClaimBubble } from './ClaimOverlays'
import { TextSpotlight } from '../shared-text/textSpotlight'
import { awarenessUser, type CollabSession } from '../../live/useCollabDoc'
import './editor.css'

interface ArticleEditorProps {
  session: CollabSession
  /** Who is typing: name and colour on the caret others see. */
  me: Me
  /** A viewer reads only: the editor is not editable (the server drops a viewer's updates anyway). */
  role: Role
  /** Writing is paused whatever the role (the server cannot store edits now). */
  paused?: boolean
  /** The article's claims: highlighted in the text, marked from a selection. */
  claims: ClaimsController
}

/**
 * The shared article text. Mount it only once the first sync has arrived: an editor on
 * an empty fragment would show a blank page and invite typing into the void.
 */
export function ArticleEditor({ session, me, role, paused = false, claims }: ArticleEditorProps) {
  const editable = canEdit(role) && !paused
  const [hover, setHover] = useState<ClaimHover | null>(null)
  const editor = useEditor(
    {
      editable,
      extensions: [
        // Collaboration ships a Yjs-aware undo that only undoes your own edits; the
        // StarterKit history would undo other people's typing too.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: session.body, provider: session.provider }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: awarenessUser(me),
          render: renderCaret,
          selectionRender: renderSelection,
        }),
        ClaimHighlights.configure({
          controller: claims,
          onHover: setHover,
          onMark: () => claims.markSelection(),
          onFocusClaim: () => claims.focusCardFromText(),
        }),
        // Where a suggestion from the sidebar sits, lit up for a moment.
        TextSpotlight,
      ],
      editorProps: { attributes: textAttributes(editable) },
    },
    // A new session is a different document: rebuild the editor around it (its claims
    // controller comes with the session).
    [session, claims],
  )

  // A role can change while the article is open (useLiveRole passes the new one down).
  useEffect(() => {
    if (!editor || editor.isDestroyed || editor.isEditable === editable) return
    // The attributes were fixed when the editor was built: aria-readonly must follow too.
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: textAttributes(editable) } })
    editor.setEditable(editable)
  }, [editor, editable])

  // A popover is placed against the words as they were on screen: scrolling moves them.
  useEffect(() => {
    if (hover === null) return
    const hide = () => setHover(null)
    window.addEventListener('scroll', hide, { capture: true, passive: true })
    return () => window.removeEventListener('scroll', hide, { capture: true })
  }, [hover])

  // The toolbar and the sidebar reach the text through the controller.
  useEffect(() => {
    claims.setEditor(editor)
    return () => claims.setEditor(null)
  }, [claims, editor])

  return (
    <div className="article-editor" data-testid="article-editor" data-editable={editable}>
      <EditorContent editor={editor} />
      {editor && <MarkClaimBubble editor={editor} />}
      <ClaimPopover hover={hover} />
      <ClaimCaretAnnouncer hover={hover} />
    </div>
  )
}

function textAttributes(editable: boolean): Record<string, string> {
  return {
    class: 'article-text',
    'aria-label': 'Article text',
    'aria-multiline': 'true',
    role: 'textbox',
    spellcheck: 'true',
    'aria-readonly': editable ? 'false' : 'true',
  }
}
