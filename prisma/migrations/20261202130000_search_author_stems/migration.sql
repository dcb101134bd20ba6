-- Authors were indexed with the simple configuration only ('lovelace', 'weinberger'), while a search reads its words with the English
-- one ('lovelac', 'weinberg'): a bare surname the stemmer changes found nothing. Authors are now in the document both ways, at weight C:
-- the simple forms for `author:` filters (whole words, and prefixes as a name is typed), the English stems for a plain search.
CREATE OR REPLACE FUNCTION paper_search_document(title TEXT, abstract TEXT, authors TEXT[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(abstract, '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, coalesce(array_to_string(authors, ' '), '')), 'C')
      || setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(authors, ' '), '')), 'C')
$$;

-- Stored generated columns are computed when a row is written: rewrite every row, so stored papers get the new document and pairs.
-- The two GIN indexes over them are dropped first and built again after: updated row by row, they made the rewrite of 100,000 papers
-- take 6 min 44 s. Building them takes memory, as the benchmark seed gives it (the default 64 MB spills to disk).
SET maintenance_work_mem = '512MB';
DROP INDEX "papers_search_blocks_idx";
DROP INDEX "papers_search_pairs_blocks_idx";

UPDATE "papers" SET "title" = "title";

CREATE INDEX "papers_search_blocks_idx" ON "papers" USING GIN ("search", paper_trending_blocks("trendingScore"));
CREATE INDEX "papers_search_pairs_blocks_idx" ON "papers" USING GIN ("searchPairs", paper_trending_blocks("trendingScore"));

RESET maintenance_work_mem;

ANALYZE "papers";
