import type { Migration } from './types.js'
import { statements } from './sql.js'

/**
 * The schema as the last release before numbered migrations (45c3936) created it, statement for
 * statement. Every statement is IF NOT EXISTS: a database from before migrations holds these
 * tables already and is recorded as version 1 without running this (runner.ts), and running it
 * on such a database would change nothing either.
 *
 * Accounts (users, sessions, api_tokens), workspaces (memberships, invites) and articles follow
 * the document tables: ids are random TEXT, times are ms BIGINT, secrets (API tokens, invite
 * codes) are stored as SHA-256 hex only.
 *
 * Workshops: the answer key is JSON in `workshops.answer_key`, never in a document, so no socket
 * can carry it. `body_snapshot` is the article's body as a document update, taken once at
 * creation so every participant starts from the same text. A participant's `guest_id` has no
 * foreign key on purpose: an expired guest session must not take the participant's work and
 * scores with it.
 */
const SQL = `
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc_id TEXT PRIMARY KEY,
  snapshot {BYTES} NOT NULL,
  updated_at {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq {SERIAL},
  doc_id TEXT NOT NULL,
  data {BYTES} NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc_seq ON doc_updates (doc_id, seq);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at {BIGINT} NOT NULL,
  last_used_at {BIGINT}
);
CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens (user_id);
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'checker', 'viewer')),
  created_at {BIGINT} NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX IF NOT EXISTS memberships_user ON memberships (user_id);
CREATE TABLE IF NOT EXISTS invites (
  code_hash TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'checker', 'viewer')),
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at {BIGINT} NOT NULL,
  expires_at {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  source_url TEXT,
  origin TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at {BIGINT} NOT NULL
);
CREATE TABLE IF NOT EXISTS attachments (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {BIGINT} NOT NULL,
  data {BYTES} NOT NULL,
  created_by TEXT NOT NULL,
  created_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_article ON attachments (article_id);
CREATE TABLE IF NOT EXISTS verdict_labels (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  verdict_id TEXT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (workspace_id, verdict_id)
);
CREATE INDEX IF NOT EXISTS articles_workspace ON articles (workspace_id, created_at);
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  body_snapshot {BYTES} NOT NULL,
  answer_key TEXT,
  revealed_at {BIGINT},
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS workshops_workspace ON workshops (workspace_id, created_at);
CREATE TABLE IF NOT EXISTS workshop_guests (
  id TEXT PRIMARY KEY,
  session_hash TEXT NOT NULL UNIQUE,
  created_at {BIGINT} NOT NULL,
  expires_at {BIGINT} NOT NULL
);
CREATE INDEX IF NOT EXISTS workshop_guests_expiry ON workshop_guests (expires_at);
CREATE TABLE IF NOT EXISTS workshop_participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  guest_id TEXT NOT NULL,
  name TEXT NOT NULL,
  doc_id TEXT NOT NULL UNIQUE,
  joined_at {BIGINT} NOT NULL,
  UNIQUE (workshop_id, guest_id)
);
CREATE INDEX IF NOT EXISTS workshop_participants_guest ON workshop_participants (guest_id);
`

export const initial: Migration = {
  version: 1,
  name: 'initial',
  statements: (dialect) => statements(SQL, dialect),
}
