/**
 * A member's new write permission on a workspace's documents (`null` when they
 * were removed), the role that gave it (for their client to show) and whether that
 * role alone makes them a trainer of the workspace's workshops (both absent in
 * changes published by older instances), or a session/token that was revoked
 * (logout, token deleted).
 */
export type AccessChange =
  | {
      kind: 'member'
      workspaceId: string
      userId: string
      canWrite: boolean | null
      role?: string
      trainsWorkshops?: boolean
    }
  | { kind: 'credential'; credentialId: string }
  | WorkshopCopiesChange

/**
 * A workshop was revealed or reached its end time (its participants' sockets become
 * read-only; trainers' keep their rights), or its participants' copies were deleted (every
 * socket on them closes).
 */
export type WorkshopCopiesChange =
  | { kind: 'workshop-revealed'; workshopId: string }
  | { kind: 'workshop-ended'; workshopId: string }
  | { kind: 'copies-deleted'; docIds: string[] }
