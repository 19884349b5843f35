import type { Migration } from './types.js'
import { statements } from './sql.js'

/**
 * History (docs/architecture.md, "History"). A version row names its article and what made it;
 * the state itself is a Yjs update (deflated) in `version_states`, keyed by the SHA-256 of the
 * encoded state, so versions of an unchanged document (a decision, then a publish) share one
 * blob. Versions live apart from `doc_updates` and `doc_snapshots`: compacting the log, or
 * removing a document's log rows, never touches them.
 *
 * `article_visits`: when a user's last socket on an article closed (the end of a visit), the
 * `my-last-review` point of someone who made no decision.
 *
 * `activity`: what people did, per article and workspace, newest first by `seq`; `actor_id` is the
 * user the server attributed the change to, never a document field. `notifications`: one row per
 * recipient; `read_at` is the server's read state, the same in every browser.
 */
const SQL = `
CREATE TABLE IF NOT EXISTS version_states (
  hash TEXT PRIMARY KEY,
  data {BYTES} NOT NULL,
  raw_bytes {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS article_versions (
  seq {SERIAL},
  id TEXT NOT NULL UNIQUE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'decision', 'publish', 'restore')),
  label TEXT,
  by_user TEXT REFERENCES users (id) ON DELETE SET NULL,
  state_hash TEXT NOT NULL REFERENCES version_states (hash),
  created_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS article_versions_article ON article_versions (article_id, seq);
CREATE TABLE IF NOT EXISTS article_visits (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  ended_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS article_visits_user ON article_visits (article_id, user_id, ended_at);
CREATE TABLE IF NOT EXISTS activity (
  seq {SERIAL},
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  claim_id TEXT,
  actor_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS activity_article ON activity (article_id, seq);
CREATE INDEX IF NOT EXISTS activity_workspace ON activity (workspace_id, seq);
CREATE TABLE IF NOT EXISTS notifications (
  seq {SERIAL},
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('mention', 'assigned', 'review-requested', 'decision')),
  actor_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL,
  created_at {BIGINT} NOT NULL,
  read_at {BIGINT}
);
CREATE INDEX IF NOT EXISTS notifications_user ON notifications (user_id, seq);
`

export const history: Migration = {
  version: 4,
  name: 'history',
  statements: (dialect) => statements(SQL, dialect),
}
