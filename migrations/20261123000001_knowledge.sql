-- The shop's knowledge: the catalog and the FAQ/policy articles. Search indexes are built from here.
CREATE TABLE products (
    sku           TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    brand         TEXT,
    category      TEXT NOT NULL,
    tags          TEXT[] NOT NULL DEFAULT '{}',
    price_cents   BIGINT NOT NULL CHECK (price_cents >= 0),
    currency      TEXT NOT NULL DEFAULT 'USD',
    stock         INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    rating        REAL CHECK (rating IS NULL OR (rating >= 0 AND rating <= 5)),
    warranty      TEXT,
    shipping      TEXT,
    return_policy TEXT,
    attributes    JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('faq', 'policy')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    tags        TEXT[] NOT NULL DEFAULT '{}',
    retired_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Dense vectors are expensive to compute on two cores; keep them keyed by model and text.
CREATE TABLE embeddings (
    model      TEXT NOT NULL,
    text_hash  TEXT NOT NULL,
    vector     REAL[] NOT NULL,
    PRIMARY KEY (model, text_hash)
);

-- What shoppers typed: feeds autocomplete.
CREATE TABLE search_queries (
    query      TEXT PRIMARY KEY,
    hits       BIGINT NOT NULL DEFAULT 1,
    last_seen  TIMESTAMPTZ NOT NULL DEFAULT now()
);
