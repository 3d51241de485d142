-- Hardening: program tokens, staff presence, and a way to reach a shopper nobody could help live.

-- `api`: a program, not a person (another Aisle generating here, an OpenAI-style client asking
-- for plain completions).
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('admin', 'editor', 'staff', 'api'));

-- The staff console's heartbeat: who is signed in and at work now.
ALTER TABLE api_tokens ADD COLUMN active_at TIMESTAMPTZ;

-- An email a shopper left when nobody could join (outside hours, or no one signed in).
ALTER TABLE conversations ADD COLUMN contact_email TEXT;
