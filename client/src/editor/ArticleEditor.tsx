import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { LocalUser } from '../identity/identity'
import { renderCaret, renderSelection } from './carets'
import { awarenessUser, type CollabSession } from './useCollabDoc'
import './editor.css'

interface ArticleEditorProps {
  session: CollabSession
  user: LocalUser
}

/**
 * The shared article text. Mount it only once the first sync has arrived: an editor on
 * an empty fragment would show a blank page and invite typing into the void.
 */
export function ArticleEditor({ session, user }: ArticleEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // Collaboration ships a Yjs-aware undo that only undoes your own edits; the
        // StarterKit history would undo other people's typing too.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ fragment: session.body, provider: session.provider }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: awarenessUser(user),
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editorProps: {
        attributes: {
          class: 'article-text',
          'aria-label': 'Article text',
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
        },
      },
    },
    // A new session is a different document: rebuild the editor around it.
    [session],
  )

  return (
    <div className="article-editor" data-testid="article-editor">
      <EditorContent editor={editor} />
    </div>
  )
}
