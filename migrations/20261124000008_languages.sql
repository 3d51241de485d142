-- The language each shopper message was written in, and the conversation's (its latest shopper
-- message's), which fixed replies and status texts are said in and staff see.
ALTER TABLE conversations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE messages ADD COLUMN language TEXT;
