import { z } from 'zod';
import { isSafeHttpUrl } from '../export/safe-url.js';
import { VERDICT_IDS } from '../schema/verdicts.js';

/** Every length limit on API input, in one place so docs and UI can quote them. */
export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 256,
  nameMax: 100,
  titleMax: 300,
  /** text and markdown article bodies, in characters */
  articleTextMax: 1_000_000,
  /** HTML carries markup on top of the text, so it gets twice the room */
  articleHtmlMax: 2_000_000,
  urlMax: 2048,
  idMax: 100,
  joinCodeMax: 64,
  participantNameMax: 80,
  keyClaimsMax: 500,
  keyQuoteMax: 5000,
  keyRationaleMax: 5000,
} as const;

/*
 * Messages are written to follow a field name: formatZodError prints "password: must be at
 * least 10 characters".
 */

function string() {
  return z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
}

function requiredText(max: number) {
  return string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

function body<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape, { error: 'request body must be a JSON object' });
}

const email = string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax, `must be at most ${LIMITS.emailMax} characters`)
  .pipe(z.email('must be a valid email address'));

export const signupBody = body({
  email,
  // Never trimmed: spaces are part of a password.
  password: string()
    .min(LIMITS.passwordMin, `must be at least ${LIMITS.passwordMin} characters`)
    .max(LIMITS.passwordMax, `must be at most ${LIMITS.passwordMax} characters`),
  name: requiredText(LIMITS.nameMax),
});

/** No strength rule here: a rule added later must not lock out existing accounts. */
export const loginBody = body({
  email: string().trim().toLowerCase().min(1, 'must not be empty').max(LIMITS.emailMax, `must be at most ${LIMITS.emailMax} characters`),
  password: string().min(1, 'must not be empty').max(LIMITS.passwordMax, `must be at most ${LIMITS.passwordMax} characters`),
});

export const createTokenBody = body({ name: requiredText(LIMITS.nameMax) });

export const createWorkspaceBody = body({ name: requiredText(LIMITS.nameMax) });

/** JSON clients often send null for "not given"; it reads as absent. */
function articleContent(max: number) {
  return string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => value.trim().length > 0, 'must not be empty')
    .nullish()
    .transform((value) => value ?? undefined);
}

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

export const createArticleBody = body({
  title: requiredText(LIMITS.titleMax),
  text: articleContent(LIMITS.articleTextMax),
  markdown: articleContent(LIMITS.articleTextMax),
  html: articleContent(LIMITS.articleHtmlMax),
  // Forms send "" and JSON clients null for an empty field; both mean "no source".
  sourceUrl: string()
    .trim()
    .max(LIMITS.urlMax, `must be at most ${LIMITS.urlMax} characters`)
    .refine((value) => value === '' || isSafeHttpUrl(value), 'must be an http or https URL')
    .nullish()
    .transform((value) => (value === '' || value === null ? undefined : value)),
}).superRefine((value, ctx) => {
  const given = ARTICLE_FORMATS.filter((format) => value[format] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message:
        given.length === 0
          ? 'one of text, markdown or html is required'
          : `give exactly one of text, markdown or html, not ${given.join(' and ')}`,
    });
  }
});

export const createWorkshopBody = body({
  articleId: requiredText(LIMITS.idMax),
  title: requiredText(LIMITS.titleMax),
});

export const renameWorkshopBody = body({
  title: requiredText(LIMITS.titleMax),
});

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
});

export const joinWorkshopBody = body({
  code: requiredText(LIMITS.joinCodeMax),
  name: requiredText(LIMITS.participantNameMax),
});

export type SignupBody = z.output<typeof signupBody>;
export type LoginBody = z.output<typeof loginBody>;
export type CreateTokenBody = z.output<typeof createTokenBody>;
export type CreateWorkspaceBody = z.output<typeof createWorkspaceBody>;
export type CreateArticleBody = z.output<typeof createArticleBody>;
export type CreateWorkshopBody = z.output<typeof createWorkshopBody>;
export type WorkshopKeyBody = z.output<typeof workshopKeyBody>;
export type JoinWorkshopBody = z.output<typeof joinWorkshopBody>;
