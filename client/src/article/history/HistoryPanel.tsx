import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { ApiError, describeError } from '../../api/api'
import { historyApi, type Changes, type VersionItem, type VersionKind } from '../../api/history'
import { canReview } from '../../api/types'
import { formatDateTime } from '../../ui/format'
import { useClaimsEnv } from '../claims/context'
import { ChangesView } from './ChangesView'
import './history.css'

const PAGE = 50

const KIND_LABEL: Record<VersionKind, string> = {
  auto: 'Saved automatically',
  named: 'Named',
  decision: 'Review decision',
  publish: 'Published',
  restore: 'Restored',
}

interface Comparison {
  from: string
  to: string
  title: string
}

function versionTitle(v: VersionItem): string {
  return v.label ?? `${KIND_LABEL[v.kind]}, ${formatDateTime(v.at)}`
}

/**
 * The article's versions, newest first: name one, compare two (or "since my last review"),
 * and, for editors and owners, restore a version or one deleted claim. A restore is a new
 * change on the live document, so every open editor sees it at once; nothing is rewritten.
 */
export function HistoryPanel() {
  const { article, me, members, canWrite } = useClaimsEnv()
  const role = members.find((m) => m.userId === me.id)?.role
  const mayRestore = role !== undefined && canReview(role)
  const [versions, setVersions] = useState<VersionItem[] | null>(null)
  const [more, setMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [picked, setPicked] = useState<string[]>([])
  const [comparison, setComparison] = useState<Comparison | null>(null)
  const [changes, setChanges] = useState<Changes | null>(null)
  const [changesError, setChangesError] = useState<string | null>(null)
  const [label, setLabel] = useState('')
  const [naming, setNaming] = useState(false)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [restoring, setRestoring] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const loadFirst = useCallback(() => {
    historyApi.versions(article.id, undefined, PAGE).then(
      (page) => {
        setVersions(page)
        setMore(page.length === PAGE)
        setError(null)
      },
      (e: unknown) => setError(describeError(e)),
    )
  }, [article.id])
  useEffect(loadFirst, [loadFirst])

  const loadMore = () => {
    const last = versions?.at(-1)
    if (last === undefined) return
    historyApi.versions(article.id, last.id, PAGE).then(
      (page) => {
        setVersions((list) => [...(list ?? []), ...page])
        setMore(page.length === PAGE)
      },
      (e: unknown) => setError(describeError(e)),
    )
  }

  const compare = useCallback(
    (next: Comparison) => {
      setComparison(next)
      setChanges(null)
      setChangesError(null)
      historyApi
        .changes(article.id, next.from, next.to)
        .then(setChanges, (e: unknown) =>
          setChangesError(
            e instanceof ApiError && e.status === 404 && next.from === 'my-last-review'
              ? 'You have no earlier review or visit of this article to compare with.'
              : describeError(e),
          ),
        )
    },
    [article.id],
  )

  const togglePick = (id: string) =>
    setPicked((list) => (list.includes(id) ? list.filter((p) => p !== id) : [...list.slice(-1), id]))

  const comparePicked = () => {
    if (versions === null || picked.length !== 2) return
    // Older first: the view reads as "what changed from the older to the newer".
    const [a, b] = picked.map((id) => versions.find((v) => v.id === id)!).sort((x, y) => x.at.localeCompare(y.at))
    compare({ from: a!.id, to: b!.id, title: `From ${versionTitle(a!)} to ${versionTitle(b!)}` })
  }

  const nameVersion = (event: FormEvent) => {
    event.preventDefault()
    const text = label.trim()
    if (text === '') return
    setNaming(true)
    historyApi
      .nameVersion(article.id, text)
      .then(
        () => {
          setLabel('')
          setNotice(`Saved the version “${text}”.`)
          loadFirst()
        },
        (e: unknown) => setNotice(describeError(e)),
      )
      .finally(() => setNaming(false))
  }

  const restore = (versionId: string, claimId?: string) => {
    setRestoring(claimId ?? versionId)
    historyApi
      .restore(article.id, versionId, claimId)
      .then(
        () => {
          setConfirming(null)
          setNotice(
            claimId === undefined
              ? 'Version restored. Everyone with the article open sees it now.'
              : 'Claim restored with its evidence, verdict and discussion.',
          )
          loadFirst()
          if (comparison !== null) compare(comparison)
        },
        (e: unknown) => setNotice(describeError(e)),
      )
      .finally(() => setRestoring(null))
  }

  return (
    <div className="history" data-testid="history-panel">
      {canWrite && (
        <form className="history__name" onSubmit={nameVersion}>
          <label htmlFor="history-label" className="history__label">
            Name this version
          </label>
          <div className="history__name-row">
            <input
              id="history-label"
              className="input"
              maxLength={200}
              value={label}
              placeholder="e.g. Before the editor's review"
              onChange={(e) => setLabel(e.target.value)}
              data-testid="version-label"
            />
            <button type="submit" className="button button--small" disabled={naming || label.trim() === ''}>
              Save
            </button>
          </div>
        </form>
      )}
      {notice !== null && (
        <p className="history__notice" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      <div className="history__actions">
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => compare({ from: 'my-last-review', to: 'current', title: 'Since your last review' })}
          data-testid="since-last-review"
        >
          Since my last review
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={picked.length !== 2}
          onClick={comparePicked}
          data-testid="compare-picked"
        >
          Compare {picked.length === 2 ? 'the two picked' : 'two picked'}
        </button>
      </div>
      {!mayRestore && (
        <p className="history__hint">Only editors and owners can restore a version or a deleted claim.</p>
      )}

      {comparison !== null && (
        <section className="history__comparison" aria-labelledby="history-comparison-title">
          <div className="history__comparison-head">
            <h3 id="history-comparison-title" className="history__subheading">
              {comparison.title}
            </h3>
            <button type="button" className="link-button" onClick={() => setComparison(null)}>
              Close
            </button>
          </div>
          {changesError !== null && (
            <p className="history__error" role="alert">
              {changesError}
            </p>
          )}
          {changes === null && changesError === null && <p className="history__empty">Working out the changes…</p>}
          {changes !== null && (
            <ChangesView
              changes={changes}
              restoring={restoring}
              {...(mayRestore ? { onRestoreClaim: (claimId: string) => restore(changes.from, claimId) } : {})}
            />
          )}
        </section>
      )}

      <h3 className="history__subheading">Versions</h3>
      {error !== null && (
        <p className="history__error" role="alert">
          {error}
        </p>
      )}
      {versions === null && error === null && <p className="history__empty">Loading…</p>}
      {versions !== null && versions.length === 0 && (
        <p className="history__empty">
          No versions yet. The server keeps one while the article changes, and at every review decision, publish and
          restore.
        </p>
      )}
      {versions !== null && versions.length > 0 && (
        <ol className="history__versions">
          {versions.map((v) => (
            <li key={v.id} className="history__version" data-testid="version" data-kind={v.kind} data-version-id={v.id}>
              <label className="history__pick">
                <input
                  type="checkbox"
                  checked={picked.includes(v.id)}
                  onChange={() => togglePick(v.id)}
                  aria-label={`Pick ${versionTitle(v)} to compare`}
                />
                <span className="history__version-text">
                  <span className="history__version-title">{v.label ?? KIND_LABEL[v.kind]}</span>
                  <span className="history__version-meta">
                    {v.label !== undefined && `${KIND_LABEL[v.kind]} · `}
                    {v.by?.name ?? 'the server'} · <time dateTime={v.at}>{formatDateTime(v.at)}</time>
                  </span>
                </span>
              </label>
              <div className="history__version-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => compare({ from: v.id, to: 'current', title: `Since ${versionTitle(v)}` })}
                  data-testid="changes-since"
                >
                  Changes since
                </button>
                {mayRestore &&
                  (confirming === v.id ? (
                    <span className="history__confirm" role="alertdialog" aria-label="Restore this version?">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={restoring !== null}
                        onClick={() => restore(v.id)}
                        data-testid="confirm-restore"
                      >
                        {restoring === v.id ? 'Restoring…' : 'Restore'}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        onClick={() => setConfirming(null)}
                      >
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setConfirming(v.id)}
                      data-testid="restore-version"
                    >
                      Restore version…
                    </button>
                  ))}
              </div>
            </li>
          ))}
        </ol>
      )}
      {more && (
        <button type="button" className="button button--quiet button--small history__more" onClick={loadMore}>
          Load more
        </button>
      )}
    </div>
  )
}
