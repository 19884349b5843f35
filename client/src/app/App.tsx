import { useEffect } from 'react'
import { LoginScreen, SignupScreen } from '../auth/AuthScreens'
import { SessionProvider, useSession } from '../auth/session'
// Before the first screen that draws a frame: the top bar's styles (live/presence.css) load
// ahead of ui/app.css, whose narrow-screen rules override them, as when AppFrame imported it.
import { TopBar } from './TopBar'
import { TokensPage } from '../auth/TokensPage'
import { MembersPage } from '../members/MembersPage'
import { ReviewQueuePage } from '../review/ReviewQueuePage'
import { ActivityPage } from '../activity/ActivityPage'
import { ArticleListPage } from '../workspaces/ArticleListPage'
import { HomeRoute } from '../workspaces/HomeRoute'
import { InviteRoute } from '../workspaces/InviteRoute'
import { WorkspaceScope } from '../workspaces/WorkspaceScope'
import { WorkspacesProvider } from '../workspaces/workspaces'
import { JoinScreen } from '../workshops/JoinScreen'
import { ParticipantRoute } from '../workshops/ParticipantRoute'
import { TrainerCopyRoute } from '../workshops/TrainerCopyRoute'
import { TrainerWorkshopRoute } from '../workshops/TrainerWorkshopPage'
import { WorkshopListPage } from '../workshops/WorkshopListPage'
import { AppFrame, TopBarContext } from '../ui/AppFrame'
import { CenteredFrame } from '../ui/CenteredFrame'
import { ArticleRoute } from './ArticleRoute'
import { InlineState } from '../ui/InlineState'
import { PRODUCT_NAME } from '../ui/product'
import { currentNext, invitePath, loginPath, navigate, signupPath, useRoute, type Route } from '../ui/router'

export function App() {
  return (
    <SessionProvider>
      <TopBarContext.Provider value={TopBar}>
        <Screens />
      </TopBarContext.Provider>
    </SessionProvider>
  )
}

function Screens() {
  const route = useRoute()
  const { state, retry } = useSession()

  // Workshop participants need no account: their screens never wait for, or depend on, a session.
  if (route.kind === 'join') return <JoinScreen key={route.code} code={route.code} />
  if (route.kind === 'participant') return <ParticipantRoute key={route.workshopId} workshopId={route.workshopId} />

  if (state.status === 'loading') return <CenteredState tone="loading" title={`Opening ${PRODUCT_NAME}…`} />
  if (state.status === 'failed')
    return (
      <CenteredState tone="error" title="The server cannot be reached" action={{ label: 'Try again', onClick: retry }}>
        {PRODUCT_NAME} could not check who is signed in. Check your connection, or that the server is running, and try
        again.
      </CenteredState>
    )

  if (state.status === 'signedOut') {
    switch (route.kind) {
      case 'login':
        return <LoginScreen />
      case 'signup':
        return <SignupScreen />
      case 'invite':
        // Sign up (or log in) first; the form brings you back here to accept.
        return <Redirect to={signupPath(invitePath(route.code))} />
      case 'notFound':
        return <NotFound signedIn={false} />
      default:
        return <Redirect to={loginPath(location.pathname + location.search)} />
    }
  }

  // One provider for every signed-in screen, so the switcher's list survives navigation.
  return (
    <WorkspacesProvider key={state.me.id}>
      <SignedInScreens route={route} />
    </WorkspacesProvider>
  )
}

function SignedInScreens({ route }: { route: Route }) {
  switch (route.kind) {
    case 'login':
    case 'signup':
      return <Redirect to={currentNext()} />
    case 'home':
      return <HomeRoute />
    case 'workspace':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Articles">
          {(workspace) => <ArticleListPage workspace={workspace} />}
        </WorkspaceScope>
      )
    case 'members':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Members">
          {(workspace, reload) => <MembersPage workspace={workspace} reloadWorkspace={reload} />}
        </WorkspaceScope>
      )
    case 'reviewQueue':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Review">
          {(workspace) => <ReviewQueuePage workspace={workspace} />}
        </WorkspaceScope>
      )
    case 'activity':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Activity">
          {(workspace) => <ActivityPage workspace={workspace} />}
        </WorkspaceScope>
      )
    case 'workshops':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Workshops">
          {(workspace) => <WorkshopListPage workspace={workspace} />}
        </WorkspaceScope>
      )
    case 'workshop':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Workshop">
          {(workspace) => (
            <TrainerWorkshopRoute key={route.workshopId} workspace={workspace} workshopId={route.workshopId} />
          )}
        </WorkspaceScope>
      )
    case 'workshopCopy':
      return (
        <WorkspaceScope key={route.workspaceId} workspaceId={route.workspaceId} title="Participant's copy">
          {(workspace) => (
            <TrainerCopyRoute
              key={`${route.workshopId}/${route.participantId}`}
              workspace={workspace}
              workshopId={route.workshopId}
              participantId={route.participantId}
            />
          )}
        </WorkspaceScope>
      )
    case 'join':
    case 'participant':
      // Handled before the session is consulted (Screens).
      return null
    case 'article':
      return <ArticleRoute key={route.articleId} articleId={route.articleId} />
    case 'invite':
      return <InviteRoute key={route.code} code={route.code} />
    case 'tokens':
      return <TokensPage />
    case 'notFound':
      return <NotFound signedIn />
  }
}

/** A redirect the Back button skips; shows where it is going for the instant it takes. */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to])
  return <CenteredState tone="loading" title="One moment…" />
}

function NotFound({ signedIn }: { signedIn: boolean }) {
  const body = (
    <InlineState
      tone="error"
      title="There is nothing at this address"
      action={
        signedIn
          ? { label: 'Go to your workspaces', onClick: () => navigate('/') }
          : { label: 'Log in', onClick: () => navigate('/login') }
      }
    >
      Check the link you followed: it may be mistyped or out of date.
    </InlineState>
  )
  if (!signedIn) return <CenteredFrame title="Page not found">{body}</CenteredFrame>
  return (
    <AppFrame title="Page not found">
      <div className="page page--narrow">{body}</div>
    </AppFrame>
  )
}

/** Before we know who you are there is no top bar: a calm centred card instead. */
function CenteredState(props: Parameters<typeof InlineState>[0]) {
  return (
    <CenteredFrame title={props.title}>
      <InlineState {...props} />
    </CenteredFrame>
  )
}
