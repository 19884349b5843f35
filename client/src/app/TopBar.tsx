import type { TopBarProps } from '../ui/AppFrame'
import { UserMenu } from '../auth/UserMenu'
import { Inbox } from '../inbox/Inbox'
import { useSession } from '../auth/session'
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher'
import { PRODUCT_NAME } from '../ui/product'
import { followLink } from '../ui/router'

/**
 * Where you are (product, workspace, screen), what is going on, and who you are.
 * `guest`: a workshop participant's bar: no workspaces, no account, nothing to leave to.
 */
export function TopBar({ title, children, guest = false }: TopBarProps) {
  const { state } = useSession()
  const me = !guest && state.status === 'signedIn' ? state.me : null
  const brand = (
    <>
      <span className="topbar__mark" aria-hidden="true">
        ✓
      </span>
      <span className="topbar__product">{PRODUCT_NAME}</span>
    </>
  )

  return (
    <header className={guest ? 'topbar topbar--guest' : 'topbar'}>
      {guest ? (
        <span className="topbar__brand">{brand}</span>
      ) : (
        <a className="topbar__brand" href="/" onClick={followLink}>
          {brand}
        </a>
      )}
      {me !== null && (
        <>
          <span className="topbar__divider" aria-hidden="true" />
          <WorkspaceSwitcher />
        </>
      )}
      <span className="topbar__slash" aria-hidden="true">
        /
      </span>
      <p className="topbar__title" title={title} data-testid="article-title">
        {title}
      </p>
      <div className="topbar__status">{children}</div>
      {me !== null && <Inbox />}
      {me !== null && <UserMenu me={me} />}
    </header>
  )
}
