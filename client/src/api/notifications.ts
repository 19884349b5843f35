// Typed calls for the inbox (docs/api.md, "Activity and notifications"), through api.ts's typed `client`.

import type { NotificationItem } from '@fc/shared/protocol/index'
import { call, client } from './api'

export type { NotificationItem }

export const notificationsApi = {
  /** Newest first; the inbox shows the latest page. */
  list: (limit = 30): Promise<NotificationItem[]> =>
    call(client.api.me.notifications.$get({ query: { limit: String(limit) } })),
  markRead: (ids: string[]): Promise<null> => call(client.api.me.notifications.read.$post({ json: { ids } })),
  markAllRead: (): Promise<null> => call(client.api.me.notifications.read.$post({ json: { all: true } })),
}
