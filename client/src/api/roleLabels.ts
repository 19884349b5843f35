// How roles read on screen, beside the Role type they label.

import type { Role } from './types'

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  checker: 'Checker',
  viewer: 'Viewer',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including roles and removing members',
  editor: 'Reviews and publishes; can invite',
  checker: 'Marks claims, adds evidence and verdicts',
  viewer: 'Reads and follows along; cannot edit',
}
