-- Orders as a source of facts, return requests, and the program role that pushes them.

-- `integration`: the shop's own systems pushing orders and catalog changes.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
    CHECK (role IN ('admin', 'editor', 'staff', 'api', 'integration'));

-- One row per order; its items (with their own shipments) as JSON, as the shop sent them.
CREATE TABLE orders (
    number            TEXT PRIMARY KEY,
    email             TEXT NOT NULL,
    status            TEXT NOT NULL,
    placed_at         TIMESTAMPTZ NOT NULL,
    body              JSONB NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX orders_email ON orders (lower(email));

-- Every attempt to open an order in a chat, right or wrong (the number only; never the email).
CREATE TABLE order_checks (
    id                BIGSERIAL PRIMARY KEY,
    conversation_id   UUID NOT NULL,
    number            TEXT NOT NULL,
    verified          BOOLEAN NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_checks_conversation ON order_checks (conversation_id, created_at);

-- A return the shopper confirmed in a chat; the shop (or staff) takes it from here.
CREATE TABLE return_requests (
    id                UUID PRIMARY KEY,
    conversation_id   UUID NOT NULL,
    order_number      TEXT NOT NULL,
    items             JSONB NOT NULL,
    status            TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'sent', 'send_failed')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX return_requests_created ON return_requests (created_at DESC);
