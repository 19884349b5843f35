import type { Migration } from './types.js'
import { statements } from './sql.js'

/**
 * The editor's desk: who did what (the server's word) and review state, all outside any
 * document a client can write.
 *
 * - `doc_clients`: each Yjs clientID of a document bound to the user of the first writable
 *   socket that sent structs with it (`user_id` '@server' for the server's own corrections).
 * - `doc_items`: who created each claim, evidence entry and comment (kind + item id), first
 *   creation only: a claim re-created under the same id (undo, restore) keeps its author.
 * - `claim_verdicts`: who set each claim's current verdict, and when.
 * - `claim_reviews`: a claim's review state (absent row: `unreviewed`), the open request.
 * - `review_requests`, `review_decisions`: every request (by a person or `changed-after-approval`)
 *   and every decision, as records.
 * - `article_publications`: every publish of an article (the first, then corrections), with
 *   the fingerprints of what it published (JSON) so later changes can be told apart.
 */
const SQL = `
CREATE TABLE doc_clients (
  doc_id TEXT NOT NULL,
  client_id {BIGINT} NOT NULL,
  user_id TEXT NOT NULL,
  bound_at {BIGINT} NOT NULL,
  PRIMARY KEY (doc_id, client_id)
);
CREATE TABLE doc_items (
  doc_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('claim', 'evidence', 'comment')),
  item_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  created_at {BIGINT} NOT NULL,
  PRIMARY KEY (doc_id, kind, item_id)
);
CREATE TABLE claim_verdicts (
  doc_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  verdict TEXT,
  set_by TEXT,
  set_at {BIGINT} NOT NULL,
  PRIMARY KEY (doc_id, claim_id)
);
CREATE TABLE claim_reviews (
  article_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('unreviewed', 'in-review', 'changes-requested', 'approved')),
  requested_by TEXT,
  requested_at {BIGINT},
  reason TEXT,
  approved_by TEXT,
  approved_at {BIGINT},
  updated_at {BIGINT} NOT NULL,
  PRIMARY KEY (article_id, claim_id)
);
CREATE INDEX claim_reviews_state ON claim_reviews (state, requested_at);
CREATE TABLE review_requests (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('requested', 'changed-after-approval')),
  note TEXT,
  by_user TEXT,
  at {BIGINT} NOT NULL
);
CREATE INDEX review_requests_article ON review_requests (article_id, at);
CREATE TABLE review_decisions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'request-changes')),
  note TEXT,
  by_user TEXT NOT NULL,
  at {BIGINT} NOT NULL
);
CREATE INDEX review_decisions_article ON review_decisions (article_id, at);
CREATE TABLE article_publications (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  at {BIGINT} NOT NULL,
  by_user TEXT NOT NULL,
  url TEXT NOT NULL,
  note TEXT,
  claims TEXT NOT NULL,
  fingerprints TEXT NOT NULL
);
CREATE INDEX article_publications_article ON article_publications (article_id, at);
`

export const desk: Migration = {
  version: 3,
  name: 'desk',
  statements: (dialect) => statements(SQL, dialect),
}
