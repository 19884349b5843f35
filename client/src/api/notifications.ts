// Typed calls for the inbox (docs/api.md, "Activity and notifications"), through api.ts's one `request`.

import type { NotificationItem } from '@fc/shared/protocol/index'
import { request } from './api'

export type { NotificationItem }

export const notificationsApi = {
  /** Newest first; the inbox shows the latest page. */
  list: (limit = 30) => request<NotificationItem[]>(`/api/me/notifications?limit=${limit}`),
  markRead: (ids: string[]) => request<null>('/api/me/notifications/read', { method: 'POST', body: { ids } }),
  markAllRead: () => request<null>('/api/me/notifications/read', { method: 'POST', body: { all: true } }),
}
