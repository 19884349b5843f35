import { z } from 'zod'
import { VERDICT_IDS } from '../schema/verdicts.js'
import { LIMITS } from './limits.js'
import { ROLES } from './roles.js'

/**
 * Request bodies of the API, validated at the server's edge (routes read them with
 * `readJson`, which answers 400 naming the first offending field); their limits are
 * limits.ts, which the client's forms quote. Messages are written to follow a field name:
 * "password: must be at least 10 characters".
 */

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

export const signupBody = z.object({
  email: z.email('must be an email address').max(LIMITS.emailMax, `must be at most ${LIMITS.emailMax} characters`),
  // Never trimmed: spaces are part of a password.
  password: z
    .string()
    .min(LIMITS.passwordMin, `must be at least ${LIMITS.passwordMin} characters`)
    .max(LIMITS.passwordMax, `must be at most ${LIMITS.passwordMax} characters`),
  name: text(LIMITS.nameMax),
})

/** No strength rule here: a rule added later must not lock out existing accounts. */
export const loginBody = z.object({
  email: z.string().min(1, 'must not be empty').max(LIMITS.emailMax, `must be at most ${LIMITS.emailMax} characters`),
  password: z
    .string()
    .min(1, 'must not be empty')
    .max(LIMITS.passwordMax, `must be at most ${LIMITS.passwordMax} characters`),
})

export const createTokenBody = z.object({ name: text(LIMITS.nameMax) })

export const createWorkspaceBody = z.object({ name: text(LIMITS.nameMax) })

/** An invite's role or a member's new role; who may grant which is roles.ts' canInvite and the domain's. */
export const roleBody = z.object({ role: z.enum(ROLES, `must be one of ${ROLES.join(', ')}`) })

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number]

const articleText = z.string().max(LIMITS.articleBodyMax, `must be at most ${LIMITS.articleBodyMax} characters`)

export const createArticleBody = z
  .object({
    title: text(LIMITS.titleMax),
    text: articleText.nullish(),
    markdown: articleText.nullish(),
    html: articleText.nullish(),
    sourceUrl: z
      .string()
      .trim()
      .max(LIMITS.urlMax, `must be at most ${LIMITS.urlMax} characters`)
      .refine(isWebUrl, 'must be an http or https URL')
      .nullish(),
  })
  .superRefine((value, ctx) => {
    const given = ARTICLE_FORMATS.filter((k) => typeof value[k] === 'string')
    if (given.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1]!],
        message: `give at most one of text, markdown, html (got ${given.join(', ')})`,
      })
    }
  })

/** New labels for some of the verdict scale's fixed ids. */
export const verdictLabelsBody = z.strictObject({
  labels: z.partialRecord(
    z.enum(VERDICT_IDS as unknown as [string, ...string[]]),
    z.string().trim().min(1).max(LIMITS.verdictLabelMax),
  ),
})

/* Workshops. These name a missing or mistyped field in words of their own. */

function string() {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
}

function requiredText(max: number) {
  return string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
}

function body<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape, { error: 'request body must be a JSON object' })
}

export const createWorkshopBody = body({
  articleId: requiredText(LIMITS.idMax),
  title: requiredText(LIMITS.titleMax),
})

export const renameWorkshopBody = body({
  title: requiredText(LIMITS.titleMax),
})

/** `PATCH /api/workshops/:id`: a new title, a new end (or null: no end), or both. */
export const updateWorkshopBody = body({
  title: requiredText(LIMITS.titleMax).optional(),
  endsAt: z.iso
    .datetime({
      offset: true,
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be an ISO 8601 time, or null'),
    })
    .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
    .nullable()
    .optional(),
}).refine((value) => value.title !== undefined || value.endsAt !== undefined, 'give title, endsAt or both')

export const workshopKeyBody = body({
  claims: z
    .array(
      z.object(
        {
          quote: requiredText(LIMITS.keyQuoteMax),
          verdict: z.enum(VERDICT_IDS, { error: `must be one of ${VERDICT_IDS.join(', ')}` }),
          // The trainer's explanation, for the debrief; as secret as the rest of the key.
          rationale: string()
            .trim()
            .max(LIMITS.keyRationaleMax, `must be at most ${LIMITS.keyRationaleMax} characters`)
            .nullish()
            .transform((value) => value || undefined),
        },
        { error: 'must be an object with quote and verdict' },
      ),
      { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array') },
    )
    .min(1, 'must have at least 1 claim')
    .max(LIMITS.keyClaimsMax, `must have at most ${LIMITS.keyClaimsMax} claims`),
})

export const joinWorkshopBody = body({
  code: requiredText(LIMITS.joinCodeMax),
  name: requiredText(LIMITS.participantNameMax),
})

/* The editor's desk: review requests, decisions, publishing. */

const note = () => requiredText(LIMITS.noteMax)

export const reviewRequestBody = body({ note: note().optional() })

export const decisionBody = body({
  decision: z.enum(['approve', 'request-changes'], { error: 'must be approve or request-changes' }),
  note: note().optional(),
}).superRefine((value, ctx) => {
  if (value.decision === 'request-changes' && value.note === undefined) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required to request changes' })
  }
})

const webUrl = string()
  .trim()
  .max(LIMITS.urlMax, `must be at most ${LIMITS.urlMax} characters`)
  .refine(isWebUrl, 'must be an http or https URL')

export const publishBody = body({ url: webUrl.optional(), note: note().optional() })

export type RoleBody = z.output<typeof roleBody>
export type VerdictLabelsBody = z.output<typeof verdictLabelsBody>
export type SignupBody = z.output<typeof signupBody>
export type LoginBody = z.output<typeof loginBody>
export type CreateTokenBody = z.output<typeof createTokenBody>
export type CreateWorkspaceBody = z.output<typeof createWorkspaceBody>
export type CreateArticleBody = z.output<typeof createArticleBody>
export type CreateWorkshopBody = z.output<typeof createWorkshopBody>
export type UpdateWorkshopBody = z.output<typeof updateWorkshopBody>
export type WorkshopKeyBody = z.output<typeof workshopKeyBody>
export type JoinWorkshopBody = z.output<typeof joinWorkshopBody>
export type ReviewRequestBody = z.output<typeof reviewRequestBody>
export type DecisionBody = z.output<typeof decisionBody>
export type PublishBody = z.output<typeof publishBody>

/** A named version (`POST /api/articles/:id/versions`). */
export const createVersionBody = z.object({ label: text(LIMITS.labelMax) })

const documentId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be an id')

/** `POST /api/articles/:id/versions/:versionId/restore`: the whole version, or one claim of it. */
export const restoreVersionBody = z.object({ claimId: documentId.optional() })

/** `?before=<id>&limit=<1..200>` of every paged list; the query's strings, parsed. */
export const pageQuery = z.object({
  before: documentId.optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, `must be a whole number from 1 to ${LIMITS.pageMax}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= LIMITS.pageMax, `must be a whole number from 1 to ${LIMITS.pageMax}`)
    .optional()
    .transform((n) => n ?? LIMITS.pageDefault),
})

/** `?from=<versionId | my-last-review>&to=<versionId | current>` of the changes view. */
export const changesQuery = z.object({
  from: z.union([z.literal('my-last-review'), documentId], 'must be a version id or my-last-review'),
  to: z
    .union([z.literal('current'), documentId], 'must be a version id or current')
    .optional()
    .transform((t) => t ?? 'current'),
})

/** `GET /api/me/notifications?unread=1`: paged, and only the unread ones with `unread=1`. */
export const notificationsQuery = pageQuery.extend({ unread: z.enum(['0', '1'], 'must be 0 or 1').optional() })

/** `POST /api/me/notifications/read`: these (the caller's own), or all of them. */
export const readNotificationsBody = z.union(
  [
    z
      .object({
        ids: z
          .array(documentId)
          .min(1, 'must name at least one')
          .max(LIMITS.pageMax, `must name at most ${LIMITS.pageMax}`),
      })
      .strict(),
    z.object({ all: z.literal(true) }).strict(),
  ],
  'must be {ids: [...]} or {all: true}',
)
