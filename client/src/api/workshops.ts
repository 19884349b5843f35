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
  /** When the copies lock (the countdown), or null: no end set. */
  endsAt: string | null
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
  endsAt: string | null
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
  /** Their claims that matched a key claim, with whether the verdict was the key's. */
  matches: Array<{ keyIndex: number; claimQuote: string; verdictCorrect: boolean }>
  /** Key claims they did not find (indexes into the key). */
  missed: number[]
  /** Quotes of their claims the key does not have. */
  extra: string[]
}

/** Per key claim, for trainers: who found it and how their verdicts split. */
export interface KeyClaimFigures {
  keyIndex: number
  quote: string
  foundBy: string[]
  verdicts: Partial<Record<VerdictId, number>>
}

/** `GET /api/workshops/:id/heatmap`: how many participants marked each run of the text. */
export interface Heatmap {
  text: string
  counts: Array<{ start: number; end: number; n: number }>
  marks: Array<{ participantId: string; start: number; end: number; verdict: VerdictId | null }>
}

export interface WorkshopResults {
  workshopId: string
  revealed: boolean
  keyClaims: number
  participants: ParticipantResult[]
  /** Nominal alpha over the key claims; null when undefined (too few or identical ratings). */
  krippendorffAlpha: number | null
  /** Key claims alpha rests on (found and judged by at least two). */
  alphaUnits: number
  /** Trainers only. */
  perKeyClaim?: KeyClaimFigures[]
  /** Participants only, after the reveal: the answer key for the debrief. */
  key?: KeyClaim[]
}

export const workshopsApi = {
  list: (workspaceId: string) => request<WorkshopListItem[]>(`/api/workspaces/${id(workspaceId)}/workshops`),
  create: (workspaceId: string, input: { articleId: string; title: string }) =>
    request<WorkshopSummary>(`/api/workspaces/${id(workspaceId)}/workshops`, { method: 'POST', body: input }),
  /** Trainer or participant; the answer's shape says which (isTrainerView). */
  get: (workshopId: string, { guest = false }: { guest?: boolean } = {}) =>
    request<WorkshopView>(`/api/workshops/${id(workshopId)}`, { expectUnauthorized: guest }),
  key: (workshopId: string) =>
    request<{ claims: KeyClaim[] }>(`/api/workshops/${id(workshopId)}/key`).then((r) => r.claims),
  saveKey: (workshopId: string, claims: KeyClaim[]) =>
    request<null>(`/api/workshops/${id(workshopId)}/key`, { method: 'PUT', body: { claims } }),
  rename: (workshopId: string, title: string) =>
    request<WorkshopSummary>(`/api/workshops/${id(workshopId)}`, { method: 'PATCH', body: { title } }),
  /** Sets the countdown's end (an ISO time in the future), or clears it (null). */
  setEnd: (workshopId: string, endsAt: string | null) =>
    request<WorkshopSummary>(`/api/workshops/${id(workshopId)}`, { method: 'PATCH', body: { endsAt } }),
  heatmap: (workshopId: string) => request<Heatmap>(`/api/workshops/${id(workshopId)}/heatmap`),
  /** A plain link: the browser downloads it with the session cookie. */
  resultsCsvUrl: (workshopId: string) => `/api/workshops/${id(workshopId)}/results.csv`,
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
