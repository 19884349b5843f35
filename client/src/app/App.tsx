import { useState } from 'react'
import { loadUser, saveUser, type LocalUser } from '../identity/identity'
import { WelcomeScreen } from '../identity/WelcomeScreen'
import { ArticleScreen } from './ArticleScreen'
import { DemoArticleRoute } from './DemoArticleRoute'
import { AppFrame } from './AppFrame'
import { InlineState } from './InlineState'
import { navigate, useRoute } from './router'

export function App() {
  const route = useRoute()
  const [user, setUser] = useState<LocalUser | null>(loadUser)

  if (user === null) {
    return <WelcomeScreen onSubmit={(name) => setUser(saveUser(name, null))} />
  }
  const rename = (name: string) => setUser(saveUser(name, user))

  switch (route.kind) {
    case 'demo':
      return <DemoArticleRoute user={user} onRename={rename} />
    case 'doc':
      // Keyed by document: switching articles starts from a clean slate (socket, editor, state).
      return <ArticleScreen key={route.docId} docId={route.docId} knownTitle={null} user={user} onRename={rename} />
    case 'notFound':
      return (
        <AppFrame title="Page not found">
          <div className="reading-column">
            <InlineState
              tone="error"
              title="There is nothing at this address"
              action={{ label: 'Open the demo article', onClick: () => navigate('/') }}
            >
              Check the link you followed. Articles live at addresses that start with <code>/d/</code>.
            </InlineState>
          </div>
        </AppFrame>
      )
  }
}
