import { Hono } from 'hono';
import { DEMO_DOC_ID, DEMO_TITLE } from '../articles/demo.js';

export function demoRoutes(): Hono {
  const app = new Hono();
  app.get('/api/demo', (c) => c.json({ docId: DEMO_DOC_ID, title: DEMO_TITLE }));
  return app;
}
