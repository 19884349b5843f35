import { useEffect, useState } from 'react'
import { api, describeError, type Article, type Workspace } from '../api/api'
import { AppFrame } from '../ui/AppFrame'
import { formatDate, sourceDomain } from '../ui/format'
import { InlineState } from '../ui/InlineState'
import { articlePath, followLink } from '../ui/router'
import { canEdit, canInvite } from '../api/types'
import { useResource } from '../ui/useResource'
import { deskSummary, type DeskSummary } from './deskSummary'
import { InviteDialog } from './InviteDialog'
import { NewArticleDialog } from './NewArticleDialog'
import { WorkspaceHeader } from './WorkspaceHeader'
import { useWorkspaces } from './workspaces'
import './workspaces.css'

/** `/w/:id`: the workspace's articles, newest first, with create/import and invite. */
export function ArticleListPage({ workspace }: { workspace: Workspace }) {
  const articles = useResource(() => api.articles(workspace.id), workspace.id)
  const [dialog, setDialog] = useState<'article' | 'invite' | null>(null)
  const workspaces = useWorkspaces()
  // A one-off notice ("You joined …") is taken over by this page, so it does not come back later.
  const [notice, setNotice] = useState(() => workspaces?.notice ?? null)
  const clearSharedNotice = workspaces?.setNotice
  useEffect(() => clearSharedNotice?.(null), [clearSharedNotice])
  const mayCreate = canEdit(workspace.role)

  const newArticle = (
    <button type="button" className="button button--primary" onClick={() => setDialog('article')}>
      New article
    </button>
  )

  return (
    <AppFrame title="Articles">
      <div className="page">
        <WorkspaceHeader
          workspace={workspace}
          current="articles"
          actions={
            <>
              {canInvite(workspace.role) && (
                <button type="button" className="button button--quiet" onClick={() => setDialog('invite')}>
                  Invite people
                </button>
              )}
              {mayCreate && newArticle}
            </>
          }
        />
        {notice !== null && (
          <div className="notice" role="status" data-testid="notice">
            <span>{notice}</span>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}

        {articles.status === 'loading' && <ListSkeleton />}
        {articles.status === 'failed' && (
          <InlineState
            tone="error"
            title="The articles could not be loaded"
            action={{ label: 'Try again', onClick: articles.reload }}
          >
            {describeError(articles.error)}
          </InlineState>
        )}
        {articles.status === 'ready' &&
          (articles.data.length === 0 ? (
            <div className="empty-state" data-testid="articles-empty">
              <h2 className="empty-state__title">No articles in this workspace yet</h2>
              {mayCreate ? (
                <>
                  <p className="empty-state__text">
                    Add the article you want to check: paste its text, or import a .txt, Markdown or HTML file. Everyone
                    in the workspace can then open it and check it with you, live.
                  </p>
                  {newArticle}
                </>
              ) : (
                <p className="empty-state__text">
                  As a viewer you can read what your colleagues add. Articles appear here as soon as someone creates
                  one.
                </p>
              )}
            </div>
          ) : (
            <ArticleList articles={articles.data} />
          ))}
      </div>
      {dialog === 'article' && <NewArticleDialog workspaceId={workspace.id} onClose={() => setDialog(null)} />}
      {dialog === 'invite' && <InviteDialog workspace={workspace} onClose={() => setDialog(null)} />}
    </AppFrame>
  )
}

function ArticleList({ articles }: { articles: Article[] }) {
  // Newest first: the desk works on what came in last.
  const sorted = [...articles].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <section aria-labelledby="article-list-heading">
      <h2 id="article-list-heading" className="panel-heading">
        Articles <span className="panel-heading__count">{articles.length}</span>
      </h2>
      <ul className="article-list" data-testid="article-list">
        {sorted.map((article) => {
          const domain = sourceDomain(article.sourceUrl)
          return (
            <li key={article.id} className="article-list__item">
              <a className="article-list__title" href={articlePath(article.id)} onClick={followLink}>
                {article.title}
              </a>
              <p className="article-list__meta">
                <span>Added {formatDate(article.createdAt)}</span>
                {domain !== null && article.sourceUrl && (
                  <>
                    <span aria-hidden="true"> · </span>
                    <a
                      className="article-list__source"
                      href={article.sourceUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={article.sourceUrl}
                    >
                      {domain}
                      <span className="visually-hidden"> (source, opens in a new tab)</span>
                    </a>
                  </>
                )}
                {article.format === 'demo' && (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span className="tag">Sample article</span>
                  </>
                )}
              </p>
              <DeskLine summary={deskSummary(article)} />
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** Where the article stands at the desk: claims, verdicts, review, publication. */
function DeskLine({ summary }: { summary: DeskSummary | null }) {
  if (summary === null) return null
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
  const parts = [count(summary.claims, 'claim')]
  if (summary.verdicts !== null) parts.push(`${summary.verdicts} with a verdict`)
  return (
    <p className="article-list__desk" data-testid="article-desk">
      <span>{parts.join(' · ')}</span>
      {summary.inReview !== null && summary.inReview > 0 && (
        <span className="tag tag--info">{summary.inReview} in review</span>
      )}
      {summary.approved !== null && summary.approved > 0 && (
        <span className="tag tag--success">{summary.approved} approved</span>
      )}
      {summary.publishedAt !== undefined &&
        (summary.publishedAt === null ? (
          <span className="tag" data-testid="article-unpublished">
            Not published
          </span>
        ) : (
          <span className="tag tag--success" data-testid="article-published">
            Published {formatDate(summary.publishedAt)}
          </span>
        ))}
    </p>
  )
}

function ListSkeleton() {
  return (
    <div className="article-list article-list--loading" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the articles…
      </p>
      {[70, 55, 80].map((w) => (
        <div key={w} className="article-list__item" aria-hidden="true">
          <span className="article-skeleton__line" style={{ width: `${w}%`, height: '1.1rem' }} />
          <span className="article-skeleton__line" style={{ width: '30%', marginTop: '0.6rem' }} />
        </div>
      ))}
    </div>
  )
}
