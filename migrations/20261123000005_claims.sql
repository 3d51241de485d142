-- Every model answer's claims are checked against its sources before the shopper sees them:
-- how many were checked, how many no source supported, and what was done (`shown`, `withheld`).
ALTER TABLE messages
    ADD COLUMN claims_checked     INTEGER,
    ADD COLUMN claims_unsupported INTEGER,
    ADD COLUMN claim_action       TEXT CHECK (claim_action IN ('shown', 'withheld'));
