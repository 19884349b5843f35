import { useState } from 'react'
import { Menu, type MenuEntry } from '../ui/Menu'
import { ROLE_LABELS } from '../api/roleLabels'
import { navigate, workspacePath } from '../ui/router'
import { NewWorkspaceDialog } from './NewWorkspaceDialog'
import { useCurrentWorkspaceId, useWorkspaces } from './workspaces'

/** The top bar's "which desk am I in": every workspace with your role in it, and "New workspace". */
export function WorkspaceSwitcher() {
  const workspaces = useWorkspaces()
  const currentId = useCurrentWorkspaceId()
  const [creating, setCreating] = useState(false)
  if (workspaces === null) return null

  const state = workspaces.workspaces
  const list = state.status === 'ready' ? state.list : []
  const current = list.find((w) => w.id === currentId)

  const entries: MenuEntry[] = []
  if (state.status === 'loading') entries.push({ kind: 'note', content: 'Loading your workspaces…' })
  if (state.status === 'failed') entries.push({ kind: 'note', content: 'Your workspaces could not be loaded.' })
  if (state.status === 'ready' && list.length === 0)
    entries.push({ kind: 'note', content: 'You are not in any workspace yet.' })
  if (list.length > 0) entries.push({ kind: 'note', content: <span className="menu__heading">Your workspaces</span> })
  for (const workspace of list) {
    entries.push({
      kind: 'item',
      label: workspace.name,
      detail: ROLE_LABELS[workspace.role],
      checked: workspace.id === currentId,
      onSelect: () => navigate(workspacePath(workspace.id)),
      testId: 'workspace-option',
    })
  }
  entries.push(
    { kind: 'separator' },
    { kind: 'item', label: 'New workspace…', onSelect: () => setCreating(true), testId: 'new-workspace' },
  )

  return (
    <>
      <Menu
        testId="workspace-switcher"
        className="topbar__switcher"
        buttonClassName="menu__button topbar__workspace"
        buttonLabel={current ? `Workspace: ${current.name}. Switch workspace` : 'Switch workspace'}
        button={<span className="topbar__workspace-name">{current?.name ?? 'Workspaces'}</span>}
        entries={entries}
      />
      {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} />}
    </>
  )
}
