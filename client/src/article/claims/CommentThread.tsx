import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import {
  addComment,
  commentThreads,
  removeComment,
  setThreadResolved,
  type Claim,
  type Comment,
  type CommentThread as Thread,
} from '@fc/shared/schema/index'
import { canReview, type Member } from '../../api/types'
import { colorForId } from '../../ui/identity'
import { Avatar } from '../../live/Avatar'
import { personName, useClaimsEnv, useClaimsFeatures } from './context'
import { absoluteTime, modKey, plural, relativeTime } from './format'
import { activeMentionQuery, insertMention, matchMembers, mentionedIn, mentionSpans } from './mentions'
import { useReview } from './review/reviewContext'

const MAX_COMMENT = 4000

/**
 * The discussion of one claim, as threads (one level: a comment and the replies to it), oldest
 * first, the composer for a new thread at the bottom. A resolved thread folds away behind an
 * "N resolved" toggle; its author or an editor may resolve or reopen it (the server undoes
 * anyone else's).
 */
export function CommentThread({ claim, idPrefix }: { claim: Claim; idPrefix: string }) {
  const { canWrite } = useClaimsEnv()
  const { commentPrompt } = useClaimsFeatures()
  const now = useNow(30_000)
  const id = `${idPrefix}-comments`
  const threads = useMemo(() => commentThreads(claim.comments), [claim.comments])
  const resolved = threads.filter((t) => t.resolved)
  const [showResolved, setShowResolved] = useState(false)
  const shown = showResolved ? threads : threads.filter((t) => !t.resolved)
  return (
    <section className="claim-section" aria-labelledby={`${id}-h`} data-testid="comment-thread">
      <h4 className="claim-section__title" id={`${id}-h`} tabIndex={-1} data-section="discussion">
        Discussion <span className="claim-section__count">{claim.comments.length}</span>
        {resolved.length > 0 && (
          <button
            type="button"
            className="link-button link-button--muted threads__toggle"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((v) => !v)}
            data-testid="resolved-toggle"
          >
            {showResolved ? 'Hide resolved' : `${resolved.length} resolved`}
          </button>
        )}
      </h4>
      {claim.comments.length === 0 ? (
        <p className="claim-section__empty">No comments yet.{canWrite && ` ${commentPrompt}`}</p>
      ) : shown.length === 0 ? (
        <p className="claim-section__empty" data-testid="all-resolved">
          {resolved.length === 1 ? 'The one thread is resolved.' : `All ${resolved.length} threads are resolved.`}
        </p>
      ) : (
        <ol className="threads">
          {shown.map((thread) => (
            <ThreadItem key={thread.root.id} claimId={claim.id} thread={thread} now={now} idPrefix={id} />
          ))}
        </ol>
      )}
      {canWrite && <CommentComposer claimId={claim.id} idPrefix={id} />}
    </section>
  )
}

function ThreadItem({
  claimId,
  thread,
  now,
  idPrefix,
}: {
  claimId: string
  thread: Thread
  now: number
  idPrefix: string
}) {
  const { controller, members, me, canWrite } = useClaimsEnv()
  const { strangerName } = useClaimsFeatures()
  const review = useReview()
  const [replying, setReplying] = useState(false)
  const replyButton = useRef<HTMLButtonElement>(null)
  const { root } = thread
  // As the server rules: the thread's author, or an editor; a workshop copy (no review) has one writer.
  const mayResolve = canWrite && (root.author === me.id || review === null || canReview(review.role))
  const toggle = () => setThreadResolved(controller.ydoc, claimId, root.id, !thread.resolved, me.id)
  const closeReply = () => {
    setReplying(false)
    requestAnimationFrame(() => replyButton.current?.focus())
  }
  return (
    <li
      className={`thread${thread.resolved ? ' thread--resolved' : ''}`}
      data-testid="thread"
      data-resolved={thread.resolved}
    >
      <ol className="comments">
        <CommentItem claimId={claimId} comment={root} now={now} />
      </ol>
      {thread.resolved && (
        <p className="thread__resolved" data-testid="thread-resolved">
          Resolved
          {root.resolvedBy !== undefined && ` by ${personName(members, root.resolvedBy, me.id, strangerName)}`}
          {root.resolvedAt !== undefined && (
            <>
              {' '}
              <time dateTime={root.resolvedAt} title={absoluteTime(root.resolvedAt)}>
                {relativeTime(root.resolvedAt, now)}
              </time>
            </>
          )}
        </p>
      )}
      {thread.replies.length > 0 && (
        <ol className="comments thread__replies" aria-label={plural(thread.replies.length, 'reply', 'replies')}>
          {thread.replies.map((reply) => (
            <CommentItem key={reply.id} claimId={claimId} comment={reply} now={now} />
          ))}
        </ol>
      )}
      {(canWrite || mayResolve) && !replying && (
        <div className="thread__actions">
          {canWrite && !thread.resolved && (
            <button
              ref={replyButton}
              type="button"
              className="link-button"
              onClick={() => setReplying(true)}
              data-testid="reply-button"
            >
              Reply
            </button>
          )}
          {mayResolve && (
            <button
              type="button"
              className="link-button link-button--muted"
              onClick={toggle}
              data-testid="resolve-button"
            >
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </div>
      )}
      {replying && (
        <div className="thread__reply">
          <CommentComposer
            claimId={claimId}
            idPrefix={`${idPrefix}-${root.id}`}
            replyTo={root.id}
            onDone={closeReply}
          />
        </div>
      )}
    </li>
  )
}

function CommentItem({ claimId, comment, now }: { claimId: string; comment: Comment; now: number }) {
  const { controller, members, me } = useClaimsEnv()
  const { strangerName } = useClaimsFeatures()
  const [confirming, setConfirming] = useState(false)
  const name = personName(members, comment.author, undefined, strangerName)
  const mine = comment.author === me.id
  return (
    <li className="comment" data-testid="comment">
      <Avatar name={name} color={colorForId(comment.author)} size="small" decorative />
      <div className="comment__body">
        <p className="comment__meta">
          <span className="comment__author">{mine ? `${name} (you)` : name}</span>
          <time className="comment__time" dateTime={comment.at} title={absoluteTime(comment.at)}>
            {relativeTime(comment.at, now)}
          </time>
          {mine && !confirming && (
            <button
              type="button"
              className="link-button link-button--muted comment__delete"
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          )}
        </p>
        <p className="comment__text" data-testid="comment-text">
          {withMentions(comment, members, me.id)}
        </p>
        {confirming && (
          <div className="claim-confirm claim-confirm--inline" role="alertdialog" aria-label="Delete this comment?">
            <span className="claim-confirm__question">Delete this comment?</span>
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => removeComment(controller.ydoc, claimId, comment.id)}
            >
              Delete
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              autoFocus
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </div>
        )}
      </div>
    </li>
  )
}

/** The comment's text with each `@Name` of a mentioned member set apart. */
function withMentions(comment: Comment, members: readonly Member[], meId: string): ReactNode[] {
  const mentioned = members.filter((m) => comment.mentions?.includes(m.userId))
  const spans = mentionSpans(comment.text, mentioned)
  const parts: ReactNode[] = []
  let at = 0
  for (const span of spans) {
    if (span.start > at) parts.push(comment.text.slice(at, span.start))
    parts.push(
      <mark
        key={span.start}
        className={`mention${span.member.userId === meId ? ' mention--me' : ''}`}
        title={span.member.email}
        data-testid="mention"
      >
        {comment.text.slice(span.start, span.end)}
      </mark>,
    )
    at = span.end
  }
  if (at < comment.text.length) parts.push(comment.text.slice(at))
  return parts
}

/** A new thread's first comment, or (with `replyTo`) a reply in that thread, which `onDone` closes. */
function CommentComposer({
  claimId,
  idPrefix,
  replyTo,
  onDone,
}: {
  claimId: string
  idPrefix: string
  replyTo?: string
  onDone?: () => void
}) {
  const { controller, members, me } = useClaimsEnv()
  const [text, setText] = useState('')
  const [caret, setCaret] = useState(0)
  const [highlight, setHighlight] = useState(0)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const listId = useId()

  const others = useMemo(() => members.filter((m) => m.userId !== me.id), [members, me.id])
  const query = activeMentionQuery(text, caret)
  const suggestions = query === null || query.start === dismissedAt ? [] : matchMembers(others, query.query)
  const open = suggestions.length > 0
  // biome-ignore lint/correctness/useExhaustiveDependencies: the highlight goes back to the first person whenever the typed name changes
  useEffect(() => setHighlight(0), [query?.query])

  // Where the caret goes once the chosen name is in the text: set in the same commit, since a key
  // typed before a later frame (rAF) landed after the caret and was then left behind it.
  const caretAfterMention = useRef<number | null>(null)
  useLayoutEffect(() => {
    const at = caretAfterMention.current
    if (at === null) return
    caretAfterMention.current = null
    inputRef.current?.focus()
    inputRef.current?.setSelectionRange(at, at)
  })

  const choose = (member: Member) => {
    if (query === null) return
    const next = insertMention(text, query.start, caret, member.name)
    caretAfterMention.current = next.caret
    setText(next.text)
    setCaret(next.caret)
  }

  const send = (event?: FormEvent) => {
    event?.preventDefault()
    const clean = text.trim()
    if (clean === '') return
    const mentions = mentionedIn(clean, members).map((m) => m.userId)
    addComment(controller.ydoc, claimId, {
      author: me.id,
      text: clean.slice(0, MAX_COMMENT),
      mentions,
      ...(replyTo !== undefined ? { replyTo } : {}),
    })
    setText('')
    setCaret(0)
    onDone?.()
  }
  const reply = replyTo !== undefined
  // A reply box opens where the Reply button was: typing starts at once.
  useEffect(() => {
    if (reply) inputRef.current?.focus()
  }, [reply])

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setHighlight((h) => (h + step + suggestions.length) % suggestions.length)
        return
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault()
        const member = suggestions[highlight]
        if (member) choose(member)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        setDismissedAt(query?.start ?? null)
        return
      }
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      send()
    }
    if (event.key === 'Escape' && reply) {
      // Only the reply box closes; the claim stays open.
      event.preventDefault()
      event.stopPropagation()
      onDone?.()
    }
  }

  const activeOption = open ? `${listId}-${highlight}` : undefined

  return (
    <form className={`comment-composer keycaps${reply ? ' comment-composer--reply' : ''}`} onSubmit={send}>
      <label className="visually-hidden" htmlFor={`${idPrefix}-input`}>
        {reply ? 'Write a reply' : 'Write a comment'}
      </label>
      <div className="comment-composer__field">
        <textarea
          ref={inputRef}
          id={`${idPrefix}-input`}
          className="text-area"
          rows={2}
          maxLength={MAX_COMMENT}
          placeholder={
            reply
              ? 'Reply… type @ to mention someone'
              : others.length > 0
                ? 'Write a comment… type @ to mention someone'
                : 'Write a comment…'
          }
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setCaret(e.target.selectionStart)
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={activeOption}
          data-testid={reply ? 'reply-input' : 'comment-input'}
        />
        {open && (
          <ul
            className="mention-list"
            id={listId}
            role="listbox"
            aria-label="People to mention"
            data-testid="mention-list"
          >
            {suggestions.map((member, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: the listbox pattern; options are reached with aria-activedescendant from the comment field, which keeps focus
              <li
                key={member.userId}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === highlight}
                className="mention-list__option"
                onMouseDown={(e) => {
                  e.preventDefault() // keep focus (and the caret) in the textarea
                  choose(member)
                }}
                onMouseEnter={() => setHighlight(i)}
              >
                <Avatar name={member.name} color={colorForId(member.userId)} size="small" decorative />
                <span className="mention-list__name">{member.name}</span>
                <span className="mention-list__email">{member.email}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="comment-composer__actions">
        <span className="comment-composer__hint">
          <kbd>{modKey()}</kbd>+<kbd>Enter</kbd> to send
        </span>
        <span className="comment-composer__buttons">
          {reply && (
            <button type="button" className="button button--quiet button--small" onClick={onDone}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary button--small" disabled={text.trim() === ''}>
            {reply ? 'Reply' : 'Comment'}
          </button>
        </span>
      </div>
    </form>
  )
}

/** The current time, refreshed every `ms`, so "2 minutes ago" keeps moving. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms])
  return now
}
