import { describe, expect, it } from 'vitest'
import {
  createArticleBody,
  createTokenBody,
  createWorkshopBody,
  createWorkspaceBody,
  joinWorkshopBody,
  loginBody,
  roleBody,
  signupBody,
  verdictLabelsBody,
  workshopKeyBody,
} from './api.js'
import { parseBody } from './format.js'
import { LIMITS } from './limits.js'

describe('signup', () => {
  it('takes a valid body as it is, trimming only the name', () => {
    expect(
      parseBody(signupBody, { email: 'ada@example.org', password: ' ten chars!', name: ' Ada ', extra: 1 }),
    ).toEqual({
      success: true,
      data: { email: 'ada@example.org', password: ' ten chars!', name: 'Ada' },
    })
  })

  it('names the field in each error, with the live limits', () => {
    expect(parseBody(signupBody, { email: 'a@b.example', password: 'short', name: 'A' })).toEqual({
      success: false,
      error: 'password: must be at least 10 characters',
    })
    expect(
      parseBody(signupBody, { email: 'a@b.example', password: 'x'.repeat(LIMITS.passwordMax), name: 'A' }).success,
    ).toBe(true)
    expect(parseBody(signupBody, { email: 'nope', password: 'x'.repeat(1025), name: '  ' })).toEqual({
      success: false,
      error: 'email: must be an email address; password: must be at most 1024 characters; name: must not be empty',
    })
    expect(
      parseBody(signupBody, { email: `${'x'.repeat(250)}@example.test`, password: 'x'.repeat(10), name: 'A' }),
    ).toMatchObject({
      error: expect.stringContaining('email: must be at most 254 characters'),
    })
  })
})

describe('bodies that are not objects', () => {
  it('are refused by every schema, the workshop ones in words of their own', () => {
    for (const input of [null, 'text', [1], 3]) {
      for (const schema of [signupBody, loginBody, createTokenBody, createWorkspaceBody, roleBody, createArticleBody]) {
        expect(parseBody(schema, input)).toMatchObject({
          success: false,
          error: expect.stringMatching(/^Invalid input: expected object/),
        })
      }
      expect(parseBody(joinWorkshopBody, input)).toEqual({
        success: false,
        error: 'request body must be a JSON object',
      })
    }
  })
})

describe('login, tokens, workspaces, roles', () => {
  it('accepts any non-empty password at login, up to the live maximum', () => {
    expect(parseBody(loginBody, { email: 'a@b.example', password: 'old' })).toEqual({
      success: true,
      data: { email: 'a@b.example', password: 'old' },
    })
    expect(parseBody(loginBody, { email: 'a@b.example', password: '' })).toMatchObject({
      error: 'password: must not be empty',
    })
    expect(parseBody(loginBody, { email: 'a@b.example', password: 'x'.repeat(1025) })).toMatchObject({
      error: 'password: must be at most 1024 characters',
    })
  })

  it('limits names', () => {
    expect(parseBody(createTokenBody, { name: 'ci bot' })).toEqual({ success: true, data: { name: 'ci bot' } })
    expect(parseBody(createWorkspaceBody, { name: 'x'.repeat(LIMITS.nameMax + 1) })).toMatchObject({
      error: 'name: must be at most 100 characters',
    })
  })

  it('takes any role, owner included (who may grant which is decided past validation)', () => {
    expect(parseBody(roleBody, { role: 'owner' })).toEqual({ success: true, data: { role: 'owner' } })
    expect(parseBody(roleBody, { role: 'admin' })).toMatchObject({
      error: 'role: must be one of owner, editor, checker, viewer',
    })
  })

  it('relabels only known verdict ids', () => {
    expect(parseBody(verdictLabelsBody, { labels: { false: ' Wrong ' } })).toEqual({
      success: true,
      data: { labels: { false: 'Wrong' } },
    })
    expect(parseBody(verdictLabelsBody, { labels: { false: 'x'.repeat(41) } }).success).toBe(false)
    expect(parseBody(verdictLabelsBody, { labels: {}, extra: 1 }).success).toBe(false)
  })
})

describe('articles', () => {
  it('takes at most one body format, text, Markdown and HTML alike up to 1,000,000 characters', () => {
    expect(
      parseBody(createArticleBody, { title: ' Report ', markdown: '# Hi', sourceUrl: 'https://news.example/a' }),
    ).toEqual({
      success: true,
      data: { title: 'Report', markdown: '# Hi', sourceUrl: 'https://news.example/a' },
    })
    expect(parseBody(createArticleBody, { title: 'T', text: 'a', markdown: 'b' })).toEqual({
      success: false,
      error: 'markdown: give at most one of text, markdown, html (got text, markdown)',
    })
    expect(parseBody(createArticleBody, { title: 'T', html: 'x'.repeat(LIMITS.articleBodyMax) }).success).toBe(true)
    for (const format of ['text', 'markdown', 'html']) {
      expect(parseBody(createArticleBody, { title: 'T', [format]: 'x'.repeat(1_000_001) })).toMatchObject({
        error: `${format}: must be at most 1000000 characters`,
      })
    }
  })

  it('refuses unsafe source URLs and an empty title; null reads as not given', () => {
    expect(parseBody(createArticleBody, { title: 'T', text: 'a', sourceUrl: 'javascript:alert(1)' })).toMatchObject({
      error: 'sourceUrl: must be an http or https URL',
    })
    expect(parseBody(createArticleBody, { title: '', text: 'a' })).toMatchObject({ error: 'title: must not be empty' })
    expect(parseBody(createArticleBody, { title: 'T', text: null, html: '<p>x</p>', sourceUrl: null })).toEqual({
      success: true,
      data: { title: 'T', text: null, html: '<p>x</p>', sourceUrl: null },
    })
  })
})

describe('workshops', () => {
  it('validates creation and joining', () => {
    expect(parseBody(createWorkshopBody, { articleId: 'a1', title: 'Training' })).toMatchObject({ success: true })
    expect(parseBody(createWorkshopBody, { title: 'Training' })).toMatchObject({ error: 'articleId: is required' })
    expect(parseBody(joinWorkshopBody, { code: ' ABC123 ', name: ' Sam ' })).toEqual({
      success: true,
      data: { code: 'ABC123', name: 'Sam' },
    })
    expect(parseBody(joinWorkshopBody, { code: 'ABC123', name: '' })).toMatchObject({
      error: 'name: must not be empty',
    })
  })

  it('validates the answer key claim by claim', () => {
    expect(parseBody(workshopKeyBody, { claims: [{ quote: '84 killed', verdict: 'false' }] })).toMatchObject({
      success: true,
    })
    expect(parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'pants-on-fire' }, 5] })).toEqual({
      success: false,
      error:
        'claims[0].verdict: must be one of true, mostly-true, mixed, mostly-false, false, misleading, unproven; ' +
        'claims[1]: must be an object with quote and verdict',
    })
    expect(parseBody(workshopKeyBody, { claims: [] })).toMatchObject({ error: 'claims: must have at least 1 claim' })
    expect(parseBody(workshopKeyBody, { claims: 'all' })).toMatchObject({ error: 'claims: must be an array' })
    expect(parseBody(workshopKeyBody, {})).toMatchObject({ error: 'claims: is required' })
  })

  it('keeps an optional trainer rationale per key claim', () => {
    expect(
      parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'false', rationale: ' Army denied it. ' }] }),
    ).toEqual({
      success: true,
      data: { claims: [{ quote: 'q', verdict: 'false', rationale: 'Army denied it.' }] },
    })
    expect(parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'false', rationale: null }] })).toEqual({
      success: true,
      data: { claims: [{ quote: 'q', verdict: 'false' }] },
    })
    expect(
      parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'false', rationale: 'x'.repeat(5001) }] }),
    ).toMatchObject({
      error: 'claims[0].rationale: must be at most 5000 characters',
    })
  })
})
