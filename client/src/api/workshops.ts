// Typed calls for workshops (docs/api.md, "Workshops"). Errors are the same ApiError as
// everywhere else. Guest calls pass `expectUnauthorized`: a participant's 401 means their
// guest session is gone, which the workshop screens explain themselves; it must not log
// out an account that happens to be signed in in the same browser.

import type { VerdictId } from '@fc/shared/schema/index'
import { request } from './api'

const id = encodeURIComponent

/** A workshop as its trainers list it. */
export interface WorkshopSummary {
  id: string
  title: string
  workspaceId: string
  articleId: string
  /** 8 characters from an alphabet without look-alikes; typed in any case, with spaces or dashes. */
  joinCode: string
  hasKey: boolean
  revealed: boolean
  revealedAt: string | null
  createdBy: string
  createdAt: string
}

export interface WorkshopListItem extends WorkshopSummary {
  /** How many have joined. */
  participants: number
}

/** One participant as the trainer watches them: live counts from their copy. */
export interface ParticipantProgress {
  participantId: string
  name: string
  docId: string
  joinedAt: string
  claims: number
  verdicts: number
}

/** `GET /api/workshops/:id` for a trainer. */
export interface TrainerWorkshop extends WorkshopSummary {
  article: { id: string; title: string; docId: string } | null
  participants: ParticipantProgress[]
}

/** `GET /api/workshops/:id` for a participant: only what concerns them. */
export interface ParticipantWorkshop {
  id: string
  title: string
  revealed: boolean
  articleTitle?: string | null
  participant: { participantId: string; name: string; docId: string }
}

export type WorkshopView = TrainerWorkshop | ParticipantWorkshop

export function isTrainerView(view: WorkshopView): view is TrainerWorkshop {
  return Array.isArray((view as TrainerWorkshop).participants)
}

export interface KeyClaim {
  quote: string
  verdict: VerdictId
  rationale?: string
}

export interface Joined {
  participantId: string
  docId: string
  workshopId: string
  title: string
  name: string
}

export interface ParticipantResult {
  participantId: string
  name: string
  /** Share of their claims that match a key claim (0 when they marked none). */
  precision: number
  /** Share of the key's claims they found. */
  recall: number
  f1: number
  /** Of the key claims they found, the share with the key's verdict; null when they found none. */
  verdictAccuracy: number | null
  /** Claims they marked. */
  claims: number
}

export interface WorkshopResults {
  workshopId: string
  revealed: boolean
  keyClaims: number
  participants: ParticipantResult[]
  /** Nominal alpha over the key claims; null when undefined (too few or identical ratings). */
  krippendorffAlpha: number | null
}

export const workshopsApi = {
  list: (workspaceId: string) => request<WorkshopListItem[]>(`/api/workspaces/${id(workspaceId)}/workshops`),
  create: (workspaceId: string, input: { articleId: string; title: string }) =>
    request<WorkshopSummary>(`/api/workspaces/${id(workspaceId)}/workshops`, { method: 'POST', body: input }),
  /** Trainer or participant; the answer's shape says which (isTrainerView). */
  get: (workshopId: string, { guest = false }: { guest?: boolean } = {}) =>
    request<WorkshopView>(`/api/workshops/${id(workshopId)}`, { expectUnauthorized: guest }),
  key: (workshopId: string) => request<{ claims: KeyClaim[] }>(`/api/workshops/${id(workshopId)}/key`).then((r) => r.claims),
  saveKey: (workshopId: string, claims: KeyClaim[]) =>
    request<null>(`/api/workshops/${id(workshopId)}/key`, { method: 'PUT', body: { claims } }),
  rename: (workshopId: string, title: string) =>
    request<WorkshopSummary>(`/api/workshops/${id(workshopId)}`, { method: 'PATCH', body: { title } }),
  /** Gone for good: the workshop, its participants, their copies and their results. */
  remove: (workshopId: string) => request<null>(`/api/workshops/${id(workshopId)}`, { method: 'DELETE' }),
  reveal: (workshopId: string) => request<null>(`/api/workshops/${id(workshopId)}/reveal`, { method: 'POST' }),
  results: (workshopId: string, { guest = false }: { guest?: boolean } = {}) =>
    request<WorkshopResults>(`/api/workshops/${id(workshopId)}/results`, { expectUnauthorized: guest }),
  /** Ends this browser's workshop session; what the participant did stays with the trainer. */
  leave: () => request<null>('/api/workshops/leave', { method: 'POST', expectUnauthorized: true }),
  join: (code: string, name: string) =>
    request<Joined>('/api/workshops/join', { method: 'POST', body: { code, name }, expectUnauthorized: true }),
}
