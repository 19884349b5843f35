import { Menu } from '../ui/Menu'
import { navigate } from '../ui/router'
import type { Me } from '../api/types'
import { Avatar } from '../live/Avatar'
import '../live/presence.css'
import { useSession } from './session'

/** You, in the top bar's corner: who is signed in, API tokens, log out. */
export function UserMenu({ me }: { me: Me }) {
  const { logOut } = useSession()
  return (
    <Menu
      testId="user-menu"
      align="end"
      buttonClassName="menu__button topbar__user"
      buttonLabel={`Account: ${me.name}`}
      button={
        <>
          <Avatar name={me.name} color={me.color} size="small" decorative />
          <span className="topbar__user-name">{me.name}</span>
        </>
      }
      entries={[
        {
          kind: 'note',
          content: (
            <>
              <span className="menu__who">{me.name}</span>
              <span className="menu__email">{me.email}</span>
            </>
          ),
        },
        { kind: 'separator' },
        {
          kind: 'item',
          label: 'API tokens',
          detail: 'For scripts and integrations',
          onSelect: () => navigate('/account/tokens'),
        },
        { kind: 'item', label: 'Log out', onSelect: () => void logOut(), testId: 'logout' },
      ]}
    />
  )
}
