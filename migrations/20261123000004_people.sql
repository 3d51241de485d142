-- People in the loop: staff and editor tokens, shopper conversation tokens, escalations,
-- sentiment, and article revisions.
CREATE TABLE api_tokens (
    id            UUID PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'staff')),
    token_hash    TEXT NOT NULL UNIQUE,      -- sha256 of the token; the token itself is shown once
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);

-- `status`: bot (Aisle answers), waiting (escalated, in the queue), staff (a person owns it:
-- Aisle stays silent), resolved.
ALTER TABLE conversations
    ADD COLUMN token_hash TEXT,
    ADD COLUMN status     TEXT NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'waiting', 'staff', 'resolved')),
    ADD COLUMN assignee   UUID REFERENCES api_tokens (id),
    ADD COLUMN summary    TEXT;

CREATE TABLE escalations (
    id               UUID PRIMARY KEY,
    conversation_id  UUID NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    reason           TEXT NOT NULL
                     CHECK (reason IN ('asked_for_person', 'negative_sentiment', 'not_confident', 'repeated_question')),
    detail           TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_by       UUID REFERENCES api_tokens (id),
    claimed_at       TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ,
    outcome          TEXT CHECK (outcome IN ('resolved', 'handed_back'))
);
-- A conversation waits in the queue at most once at a time.
CREATE UNIQUE INDEX escalations_one_open ON escalations (conversation_id) WHERE closed_at IS NULL;
CREATE INDEX escalations_queue ON escalations (created_at) WHERE claimed_at IS NULL AND closed_at IS NULL;

ALTER TABLE messages
    ADD COLUMN sentiment   REAL,            -- shopper messages: -1 (angry) .. 1 (happy)
    ADD COLUMN answered_by TEXT,            -- assistant messages: model, faq, fixed, unanswered, guarded
    ADD COLUMN author      TEXT;            -- staff messages: the token's name
CREATE INDEX messages_unanswered ON messages (created_at) WHERE answered_by = 'unanswered';

ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- Every saved state of every article: who, when, what.
CREATE TABLE article_revisions (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('imported', 'created', 'edited', 'retired', 'restored')),
    author      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    tags        TEXT[] NOT NULL,
    retired     BOOLEAN NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, revision)
);
INSERT INTO article_revisions (article_id, revision, action, author, kind, title, body, tags, retired, created_at)
SELECT id, 1, 'imported', 'import', kind, title, body, tags, retired_at IS NOT NULL, updated_at FROM articles;
