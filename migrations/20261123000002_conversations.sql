-- Every conversation and every message, with what the answer was built from and how long it took.
CREATE TABLE conversations (
    id          UUID PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE messages (
    id                UUID PRIMARY KEY,
    conversation_id   UUID NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('shopper', 'assistant', 'staff')),
    text              TEXT NOT NULL,           -- emails, phone and card numbers masked
    intent            TEXT,
    sources           JSONB NOT NULL DEFAULT '[]'::jsonb,   -- with their scores
    model             TEXT,
    prompt_tokens     INTEGER,
    generated_tokens  INTEGER,
    ttft_ms           REAL,
    duration_ms       REAL,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at);

CREATE TABLE feedback (
    message_id  UUID PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    rating      TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment     TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
