import { ROLES } from '@fc/shared';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';

/**
 * Request bodies of the API, validated at the edge. Every failure becomes a 400
 * naming the field (routes/http.ts). Kept here until shared/src/validation/
 * provides them; the shapes follow the public contract.
 */
export const LIMITS = {
  email: 254,
  name: 100,
  title: 300,
  url: 2048,
  /** Characters of an article body (the request as a whole is also capped in bytes: 413). */
  body: 1_000_000,
} as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const signupSchema = z.object({
  email: z.email('must be an email address').max(LIMITS.email, `must be at most ${LIMITS.email} characters`),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
  name: text(LIMITS.name),
});

export const loginSchema = z.object({
  email: z.string().min(1, 'must not be empty').max(LIMITS.email, `must be at most ${LIMITS.email} characters`),
  password: z.string().min(1, 'must not be empty').max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});

export const tokenSchema = z.object({ name: text(LIMITS.name) });

export const workspaceSchema = z.object({ name: text(LIMITS.name) });

export const roleSchema = z.object({ role: z.enum(ROLES, `must be one of ${ROLES.join(', ')}`) });

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const bodyText = z.string().max(LIMITS.body, `must be at most ${LIMITS.body} characters`);

export const articleSchema = z
  .object({
    title: text(LIMITS.title),
    text: bodyText.nullish(),
    markdown: bodyText.nullish(),
    html: bodyText.nullish(),
    sourceUrl: z
      .string()
      .trim()
      .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
      .refine(isWebUrl, 'must be an http or https URL')
      .nullish(),
  })
  .superRefine((value, ctx) => {
    const given = (['text', 'markdown', 'html'] as const).filter((k) => typeof value[k] === 'string');
    if (given.length > 1) {
      ctx.addIssue({ code: 'custom', path: [given[1]!], message: `give at most one of text, markdown, html (got ${given.join(', ')})` });
    }
  });

export type ArticleInput = z.output<typeof articleSchema>;
