import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  createArticleBody,
  createTokenBody,
  createWorkshopBody,
  createWorkspaceBody,
  joinWorkshopBody,
  loginBody,
  signupBody,
  workshopKeyBody,
} from './api.js';
import { parseBody } from './format.js';

describe('signup', () => {
  it('normalises a valid body', () => {
    expect(parseBody(signupBody, { email: ' Ada@Example.ORG ', password: ' ten chars!', name: ' Ada ', extra: 1 })).toEqual({
      success: true,
      data: { email: 'ada@example.org', password: ' ten chars!', name: 'Ada' },
    });
  });

  it('names the field in each error', () => {
    expect(parseBody(signupBody, { email: 'a@b.example', password: 'short', name: 'A' })).toEqual({
      success: false,
      error: 'password: must be at least 10 characters',
    });
    expect(parseBody(signupBody, { email: 'nope', password: 'x'.repeat(257), name: '  ' })).toEqual({
      success: false,
      error: 'email: must be a valid email address; password: must be at most 256 characters; name: must not be empty',
    });
    expect(parseBody(signupBody, {})).toEqual({
      success: false,
      error: 'email: is required; password: is required; name: is required',
    });
    expect(parseBody(signupBody, { email: 1, password: 'x'.repeat(10), name: 'A' })).toEqual({
      success: false,
      error: 'email: must be a string',
    });
  });

  it('refuses bodies that are not objects', () => {
    for (const input of [null, 'text', [1], 3]) {
      expect(parseBody(signupBody, input)).toEqual({ success: false, error: 'request body must be a JSON object' });
    }
  });
});

describe('login, tokens, workspaces, invites', () => {
  it('accepts any non-empty password at login', () => {
    expect(parseBody(loginBody, { email: 'A@B.example', password: 'old' })).toEqual({
      success: true,
      data: { email: 'a@b.example', password: 'old' },
    });
    expect(parseBody(loginBody, { email: 'a@b.example', password: '' })).toMatchObject({ error: 'password: must not be empty' });
  });

  it('limits names', () => {
    expect(parseBody(createTokenBody, { name: 'ci bot' })).toEqual({ success: true, data: { name: 'ci bot' } });
    expect(parseBody(createWorkspaceBody, { name: 'x'.repeat(LIMITS.nameMax + 1) })).toMatchObject({
      error: `name: must be at most ${LIMITS.nameMax} characters`,
    });
  });
});

describe('articles', () => {
  it('takes exactly one body format', () => {
    expect(parseBody(createArticleBody, { title: ' Report ', markdown: '# Hi', sourceUrl: 'https://news.example/a' })).toEqual({
      success: true,
      data: { title: 'Report', markdown: '# Hi', sourceUrl: 'https://news.example/a' },
    });
    expect(parseBody(createArticleBody, { title: 'T' })).toEqual({ success: false, error: 'one of text, markdown or html is required' });
    expect(parseBody(createArticleBody, { title: 'T', text: 'a', html: '<p>b</p>' })).toEqual({
      success: false,
      error: 'give exactly one of text, markdown or html, not text and html',
    });
  });

  it('rejects empty or oversized bodies and unsafe source URLs', () => {
    expect(parseBody(createArticleBody, { title: 'T', text: '   ' })).toMatchObject({ error: 'text: must not be empty' });
    expect(parseBody(createArticleBody, { title: 'T', text: 'x'.repeat(LIMITS.articleTextMax + 1) })).toMatchObject({
      error: `text: must be at most ${LIMITS.articleTextMax} characters`,
    });
    expect(parseBody(createArticleBody, { title: 'T', html: 'x'.repeat(LIMITS.articleTextMax + 1) }).success).toBe(true);
    expect(parseBody(createArticleBody, { title: 'T', text: 'a', sourceUrl: 'javascript:alert(1)' })).toMatchObject({
      error: 'sourceUrl: must be an http or https URL',
    });
    expect(parseBody(createArticleBody, { title: '', text: 'a' })).toMatchObject({ error: 'title: must not be empty' });
  });

  it('treats an empty or null field as not given', () => {
    expect(parseBody(createArticleBody, { title: 'T', text: 'a', sourceUrl: ' ' })).toEqual({ success: true, data: { title: 'T', text: 'a' } });
    const parsed = parseBody(createArticleBody, { title: 'T', text: null, html: '<p>x</p>', sourceUrl: null });
    expect(parsed).toEqual({ success: true, data: { title: 'T', html: '<p>x</p>' } });
  });
});

describe('workshops', () => {
  it('validates creation and joining', () => {
    expect(parseBody(createWorkshopBody, { articleId: 'a1', title: 'Training' })).toMatchObject({ success: true });
    expect(parseBody(createWorkshopBody, { title: 'Training' })).toMatchObject({ error: 'articleId: is required' });
    expect(parseBody(joinWorkshopBody, { code: ' ABC123 ', name: ' Sam ' })).toEqual({ success: true, data: { code: 'ABC123', name: 'Sam' } });
    expect(parseBody(joinWorkshopBody, { code: 'ABC123', name: '' })).toMatchObject({ error: 'name: must not be empty' });
  });

  it('validates the answer key claim by claim', () => {
    expect(parseBody(workshopKeyBody, { claims: [{ quote: '84 killed', verdict: 'false' }] })).toMatchObject({ success: true });
    expect(parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'pants-on-fire' }, 5] })).toEqual({
      success: false,
      error:
        'claims[0].verdict: must be one of true, mostly-true, mixed, mostly-false, false, misleading, unproven; ' +
        'claims[1]: must be an object with quote and verdict',
    });
    expect(parseBody(workshopKeyBody, { claims: [] })).toMatchObject({ error: 'claims: must have at least 1 claim' });
    expect(parseBody(workshopKeyBody, { claims: 'all' })).toMatchObject({ error: 'claims: must be an array' });
    expect(parseBody(workshopKeyBody, {})).toMatchObject({ error: 'claims: is required' });
  });

  it('keeps an optional trainer rationale per key claim', () => {
    expect(parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'false', rationale: ' Army denied it. ' }] })).toEqual({
      success: true,
      data: { claims: [{ quote: 'q', verdict: 'false', rationale: 'Army denied it.' }] },
    });
    expect(parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'false', rationale: null }] })).toEqual({
      success: true,
      data: { claims: [{ quote: 'q', verdict: 'false' }] },
    });
    expect(parseBody(workshopKeyBody, { claims: [{ quote: 'q', verdict: 'false', rationale: 'x'.repeat(5001) }] })).toMatchObject({
      error: 'claims[0].rationale: must be at most 5000 characters',
    });
  });
});
