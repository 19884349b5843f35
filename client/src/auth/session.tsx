import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, ApiError, setUnauthorizedHandler, type User } from '../api/api'
import { colorForId } from '../ui/identity'
import { navigate } from '../ui/router'
import type { Me } from '../api/types'

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  /** We could not even ask who you are (server unreachable or failing). */
  | { status: 'failed'; message: string }

interface SessionApi {
  state: SessionState
  /** After signup or login: the account the server answered with. */
  signedIn: (user: User) => void
  /** Logs out on the server, then shows the login screen. */
  logOut: () => Promise<void>
  retry: () => void
}

const SessionContext = createContext<SessionApi | null>(null)

export function toMe(user: User): Me {
  return { id: user.id, name: user.name, email: user.email, color: colorForId(user.id) }
}

/** Asks the server who is signed in, once, and keeps the answer for every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button: a new attempt reloads the session
  useEffect(() => {
    let cancelled = false
    api.me().then(
      (user) => !cancelled && setState({ status: 'signedIn', me: toMe(user) }),
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut' })
        else setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [attempt])

  // Any call answered 401 means the session is gone (expired, logged out elsewhere):
  // the route guard then sends the person to /login with the way back.
  useEffect(() => {
    setUnauthorizedHandler(() => setState({ status: 'signedOut' }))
    return () => setUnauthorizedHandler(null)
  }, [])

  const signedIn = useCallback((user: User) => setState({ status: 'signedIn', me: toMe(user) }), [])
  const logOut = useCallback(async () => {
    try {
      await api.logout()
    } finally {
      // Even if the request failed the person asked to leave: show the login screen.
      setState({ status: 'signedOut' })
      navigate('/login', { replace: true })
    }
  }, [])
  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])

  const value = useMemo(() => ({ state, signedIn, logOut, retry }), [state, signedIn, logOut, retry])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext)
  if (session === null) throw new Error('useSession outside SessionProvider')
  return session
}

/** The signed-in person; only for screens the router shows to signed-in people. */
export function useMe(): Me {
  const { state } = useSession()
  if (state.status !== 'signedIn') throw new Error('useMe while not signed in')
  return state.me
}
