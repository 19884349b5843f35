// Typed calls for workshops (docs/api.md, "Workshops"). Errors are the same ApiError as
// everywhere else. Guest calls pass `expectUnauthorized`: a participant's 401 means their
// guest session is gone, which the workshop screens explain themselves; it must not log
// out an account that happens to be signed in in the same browser.

import type { VerdictId } from '@fc/shared/schema/index'
import { call, client } from './api'

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

const workshop = (workshopId: string) => ({ param: { id: id(workshopId) } })
const workspace = (workspaceId: string) => ({ param: { id: id(workspaceId) } })
const w = client.api.workshops[':id']

export const workshopsApi = {
  list: (workspaceId: string): Promise<WorkshopListItem[]> =>
    call(client.api.workspaces[':id'].workshops.$get(workspace(workspaceId))),
  create: (workspaceId: string, input: { articleId: string; title: string }): Promise<WorkshopSummary> =>
    call(client.api.workspaces[':id'].workshops.$post({ ...workspace(workspaceId), json: input })),
  /** Trainer or participant; the answer's shape says which (isTrainerView). */
  get: (workshopId: string, { guest = false }: { guest?: boolean } = {}): Promise<WorkshopView> =>
    call(w.$get(workshop(workshopId)), { expectUnauthorized: guest }),
  key: (workshopId: string): Promise<KeyClaim[]> => call(w.key.$get(workshop(workshopId))).then((r) => r.claims),
  saveKey: (workshopId: string, claims: KeyClaim[]): Promise<null> =>
    call(w.key.$put({ ...workshop(workshopId), json: { claims } })),
  rename: (workshopId: string, title: string): Promise<WorkshopSummary> =>
    call(w.$patch({ ...workshop(workshopId), json: { title } })),
  /** Sets the countdown's end (an ISO time in the future), or clears it (null). */
  setEnd: (workshopId: string, endsAt: string | null): Promise<WorkshopSummary> =>
    call(w.$patch({ ...workshop(workshopId), json: { endsAt } })),
  heatmap: (workshopId: string): Promise<Heatmap> => call(w.heatmap.$get(workshop(workshopId))),
  /** A plain link: the browser downloads it with the session cookie. */
  resultsCsvUrl: (workshopId: string): string => w['results.csv'].$path(workshop(workshopId)),
  /** Gone for good: the workshop, its participants, their copies and their results. */
  remove: (workshopId: string): Promise<null> => call(w.$delete(workshop(workshopId))),
  reveal: (workshopId: string): Promise<null> => call(w.reveal.$post(workshop(workshopId))),
  results: (workshopId: string, { guest = false }: { guest?: boolean } = {}): Promise<WorkshopResults> =>
    call(w.results.$get(workshop(workshopId)), { expectUnauthorized: guest }),
  /** Ends this browser's workshop session; what the participant did stays with the trainer. */
  leave: (): Promise<null> => call(client.api.workshops.leave.$post(), { expectUnauthorized: true }),
  join: (code: string, name: string): Promise<Joined> =>
    call(client.api.workshops.join.$post({ json: { code, name } }), { expectUnauthorized: true }),
}
