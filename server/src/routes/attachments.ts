import { Hono } from 'hono'
import {
  checkAttachment,
  cleanFileName,
  getAttachment,
  insertAttachment,
  listAttachments,
} from '../domain/attachments.js'
import { forbidden, notFound } from '../domain/errors.js'
import { roleIn } from '../domain/workspaces.js'
import { articleAccess, requireArticleRole } from './access.js'
import { type ApiDeps, limitBody, requireCaller } from './http.js'
import { ATTACHMENT_CSP } from './security-headers.js'

/**
 * Evidence files. Uploaded as the raw request body (content-type = the file's
 * type, `x-filename` = its URL-encoded name); served only to members of the
 * article's workspace, never sniffed into something scriptable. Uploads and the list are
 * mounted at /api/articles, under the article guard.
 */
export function articleAttachmentRoutes({ db, config }: ApiDeps) {
  return new Hono()
    .post('/:id/attachments', limitBody(config.http.attachmentMaxBytes), async (c) => {
      const { article, userId } = requireArticleRole(c, 'checker')
      const data = new Uint8Array(await c.req.arrayBuffer())
      const mime = checkAttachment(c.req.header('content-type') ?? '', data, config.http.attachmentMaxBytes)
      const meta = await insertAttachment(db, {
        articleId: article.id,
        workspaceId: article.workspaceId,
        name: cleanFileName(c.req.header('x-filename')),
        mime,
        data,
        createdBy: userId,
      })
      return c.json(
        { id: meta.id, url: `/api/attachments/${meta.id}`, name: meta.name, mime: meta.mime, size: meta.size },
        201,
      )
    })
    .get('/:id/attachments', async (c) => {
      const { article } = articleAccess(c)
      const list = await listAttachments(db, article.id)
      return c.json(
        list.map((a) => ({
          id: a.id,
          url: `/api/attachments/${a.id}`,
          name: a.name,
          mime: a.mime,
          size: a.size,
          createdAt: a.createdAt,
        })),
      )
    })
}

/** One evidence file (mounted at /api/attachments), to members of its workspace only. */
export function attachmentRoutes({ db }: ApiDeps) {
  return new Hono().get('/:id', async (c) => {
    const caller = requireCaller(c)
    const attachment = await getAttachment(db, c.req.param('id'))
    if (!attachment) throw notFound('attachment')
    if (!(await roleIn(db, attachment.workspaceId, caller.user.id)))
      throw forbidden('not a member of this attachment’s workspace')
    return c.body(attachment.data as Uint8Array<ArrayBuffer>, 200, {
      'content-type': attachment.mime,
      'content-length': String(attachment.size),
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': ATTACHMENT_CSP,
      'cache-control': 'private, max-age=3600',
    })
  })
}
