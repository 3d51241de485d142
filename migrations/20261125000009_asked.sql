-- Questions shoppers ask in their own words, each group with the sentences of the article that
-- answer it (`[{"answer": "...", "questions": ["...", ...]}]`): what a question worded unlike
-- the article is matched on. Kept in each revision like the rest of the article.
ALTER TABLE articles ADD COLUMN asked JSONB NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE article_revisions ADD COLUMN asked JSONB NOT NULL DEFAULT '[]'::jsonb;
