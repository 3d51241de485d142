-- Product descriptions written by the model, kept for a person to review before use.
CREATE TABLE product_descriptions (
    id           UUID PRIMARY KEY,
    sku          TEXT NOT NULL REFERENCES products (sku) ON DELETE CASCADE,
    tone         TEXT NOT NULL,
    length       TEXT NOT NULL,
    text         TEXT NOT NULL,
    -- `draft` passed the grounding check; `flagged` states something the product data does not.
    status       TEXT NOT NULL CHECK (status IN ('draft', 'flagged', 'approved', 'rejected')),
    unsupported  TEXT[] NOT NULL DEFAULT '{}',
    model        TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX product_descriptions_by_sku ON product_descriptions (sku, created_at DESC);
