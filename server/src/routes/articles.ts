import { Hono } from 'hono';
import { createArticle, listArticles } from '../domain/articles.js';
import { articleAccess, articleGuard, requireWorkspaceRole } from './access.js';
import { type ApiDeps, limitBody, readJson } from './http.js';
import { articleSchema } from './validation.js';

/** Articles of a workspace; `/api/articles/:id/*` is guarded for every route under it, exports included. */
export function articleRoutes({ db, store, auth }: ApiDeps): Hono {
  const app = new Hono();

  app.post('/api/workspaces/:id/articles', limitBody(auth.config.articleMaxBytes), async (c) => {
    const { workspace, userId } = await requireWorkspaceRole(c, db, c.req.param('id'), 'checker');
    const input = await readJson(c, articleSchema);
    // Loaded on first import: the sanitizer and Markdown parser are ~3 MB of heap a server that
    // never imports an article would carry (and mark in every major GC) for nothing.
    const { blocksFromBody } = await import('../domain/article-import.js');
    const { blocks, format } = blocksFromBody(input);
    const article = await createArticle(db, store, {
      workspaceId: workspace.id,
      title: input.title,
      sourceUrl: input.sourceUrl ?? undefined,
      createdBy: userId,
      format,
      blocks,
    });
    return c.json(article, 201);
  });

  app.get('/api/workspaces/:id/articles', async (c) => {
    const { workspace } = await requireWorkspaceRole(c, db, c.req.param('id'), 'viewer');
    return c.json(await listArticles(db, workspace.id));
  });

  app.use('/api/articles/:id/*', articleGuard(db));
  app.get('/api/articles/:id', (c) => c.json(articleAccess(c).article));

  return app;
}
