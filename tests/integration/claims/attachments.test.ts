import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, createArticle, join, signUp, type Account } from '../support/accounts.js'
import { startServer, type TestServer } from '../support/server.js'

// The smallest valid files of each kind the server must recognise by their bytes.
const PNG = Uint8Array.from(
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
    'hex',
  ),
)
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const LIMIT = 4096

async function upload(
  server: TestServer,
  articleId: string,
  token: string,
  type: string,
  data: Uint8Array,
  name = 'evidence.png',
) {
  const body = new Blob([new Uint8Array(data)])
  const res = await fetch(`${server.httpUrl}/api/articles/${articleId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-filename': encodeURIComponent(name) },
    body,
  })
  return { status: res.status, body: (await res.json()) as any }
}

describe('evidence attachments', () => {
  let server: TestServer
  let owner: Account
  let viewer: Account
  let outsider: Account
  let article: { id: string }

  beforeAll(async () => {
    server = await startServer({ env: { ATTACHMENT_MAX_BYTES: String(LIMIT) } })
    owner = await signUp(server, 'owner')
    viewer = await signUp(server, 'viewer')
    outsider = await signUp(server, 'outsider')
    await join(server, owner, owner.workspaceId, viewer, 'viewer')
    article = await createArticle(server, owner, owner.workspaceId)
  })
  afterAll(() => server?.stop())

  it('stores an image and a PDF and serves them, inert, to members only', async () => {
    const png = await upload(server, article.id, owner.token, 'image/png', PNG, 'Screenshot of the statement.png')
    expect(png.status).toBe(201)
    expect(png.body).toMatchObject({ mime: 'image/png', size: PNG.byteLength, name: 'Screenshot of the statement.png' })
    const pdf = await upload(server, article.id, owner.token, 'application/pdf', PDF, 'report.pdf')
    expect(pdf.status).toBe(201)

    const asMember = await fetch(`${server.httpUrl}${png.body.url}`, {
      headers: { authorization: `Bearer ${viewer.token}` },
    })
    expect(asMember.status).toBe(200)
    expect(asMember.headers.get('content-type')).toBe('image/png')
    expect(asMember.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await asMember.arrayBuffer())).toEqual(PNG)

    expect((await call(server, png.body.url, { token: outsider.token })).status).toBe(403)
    expect((await call(server, png.body.url)).status).toBe(401)
    expect((await call(server, '/api/attachments/does-not-exist', { token: owner.token })).status).toBe(404)
    const list = await call(server, `/api/articles/${article.id}/attachments`, { token: viewer.token })
    expect(list.body.map((a: { name: string }) => a.name)).toEqual(['Screenshot of the statement.png', 'report.pdf'])
  })

  it.each([
    ['over the size limit', 'application/pdf', new Uint8Array([...PDF, ...new Uint8Array(LIMIT)]), 413],
    ['an HTML page', 'text/html', new TextEncoder().encode('<script>alert(1)</script>'), 415],
    [
      'an SVG image (can carry script)',
      'image/svg+xml',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      415,
    ],
    ['HTML declared as PNG', 'image/png', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 415],
    ['an empty file', 'image/png', new Uint8Array(0), 415],
  ])('refuses %s (%s) with %i and stores nothing', async (_what, type, data, status) => {
    const article2 = await createArticle(server, owner, owner.workspaceId)
    const res = await upload(server, article2.id, owner.token, type, data)
    expect(res.status).toBe(status)
    expect(typeof res.body.error).toBe('string')
    expect((await call(server, `/api/articles/${article2.id}/attachments`, { token: owner.token })).body).toEqual([])
  })

  it('a viewer cannot upload; a non-member cannot upload or list', async () => {
    expect((await upload(server, article.id, viewer.token, 'image/png', PNG)).status).toBe(403)
    expect((await upload(server, article.id, outsider.token, 'image/png', PNG)).status).toBe(403)
    expect((await call(server, `/api/articles/${article.id}/attachments`, { token: outsider.token })).status).toBe(403)
  })
})

describe('workspace verdict labels', () => {
  let server: TestServer
  let owner: Account
  let checker: Account

  beforeAll(async () => {
    server = await startServer()
    owner = await signUp(server, 'owner')
    checker = await signUp(server, 'checker')
    await join(server, owner, owner.workspaceId, checker, 'checker')
  })
  afterAll(() => server?.stop())

  it('owners relabel verdicts (ids stay), members read the scale, exports use the labels', async () => {
    const before = await call(server, `/api/workspaces/${owner.workspaceId}/verdicts`, { token: checker.token })
    expect(before.body.map((v: { id: string }) => v.id)).toEqual([
      'true',
      'mostly-true',
      'mixed',
      'mostly-false',
      'false',
      'misleading',
      'unproven',
    ])
    const put = await call(server, `/api/workspaces/${owner.workspaceId}/verdicts`, {
      method: 'PUT',
      token: owner.token,
      body: { labels: { unproven: 'Unverified claim', false: 'Pants on fire' } },
    })
    expect(put.status).toBe(200)
    const after = await call(server, `/api/workspaces/${owner.workspaceId}/verdicts`, { token: checker.token })
    expect(after.body.find((v: { id: string }) => v.id === 'unproven').label).toBe('Unverified claim')
    expect(after.body.find((v: { id: string }) => v.id === 'true').label).toBe('True')
  })

  it('refuses a checker (403), an unknown verdict id and an over-long label (400 naming the field)', async () => {
    const url = `/api/workspaces/${owner.workspaceId}/verdicts`
    expect(
      (await call(server, url, { method: 'PUT', token: checker.token, body: { labels: { true: 'Yes' } } })).status,
    ).toBe(403)
    const unknown = await call(server, url, {
      method: 'PUT',
      token: owner.token,
      body: { labels: { 'half-true': 'Half' } },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatch(/labels/)
    const long = await call(server, url, {
      method: 'PUT',
      token: owner.token,
      body: { labels: { true: 'x'.repeat(41) } },
    })
    expect(long.status).toBe(400)
    expect(long.body.error).toMatch(/labels\.true/)
  })
})
