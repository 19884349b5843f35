// What this browser remembers about the workshops it joined, beside the guest cookie
// (which the page cannot read): the code, to offer "join again" when the session ends,
// and the participant id, to find one's own copy when the same browser also trains.

export interface JoinedWorkshop {
  code: string
  participantId: string
}

const key = (workshopId: string) => `fc.workshop.v1:${workshopId}`

export function rememberJoin(workshopId: string, joined: JoinedWorkshop): void {
  try {
    localStorage.setItem(key(workshopId), JSON.stringify(joined))
  } catch {
    // Storage blocked: the cookie still keeps the person in their copy.
  }
}

export function joinedWorkshop(workshopId: string): JoinedWorkshop | null {
  try {
    const raw = localStorage.getItem(key(workshopId))
    if (raw === null) return null
    const value = JSON.parse(raw) as Partial<JoinedWorkshop>
    return typeof value.code === 'string' && typeof value.participantId === 'string'
      ? { code: value.code, participantId: value.participantId }
      : null
  } catch {
    return null
  }
}

/** After leaving: this browser no longer counts as that participant. */
export function forgetJoin(workshopId: string): void {
  try {
    localStorage.removeItem(key(workshopId))
  } catch {
    // Storage blocked: nothing was remembered.
  }
}

/**
 * A code as people type it: any case, spaces or dashes from reading it off a screen.
 * The server accepts all of these; tidying it here keeps the join link canonical.
 */
export function tidyJoinCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase()
}

/** `ABCD2345` → `ABCD 2345`: two groups of four are easier to read off a projector. */
export function spacedJoinCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code
}
