-- Phrase search without rereading every document that holds the words of a phrase. Each paper keeps the set
-- of its adjacent word pairs, as 20-bit hashes of a lexeme and the next one at the following position of the
-- search document, indexed with GIN beside the trending score as the search index is. A phrase a-b-c needs
-- the pairs a-b and b-c, so the index narrows a phrase of common words to the few papers that can hold it,
-- and the text query itself still decides every match.
-- (No semicolons or quotes in these comments: the migration runner splits statements on them.)
CREATE FUNCTION paper_search_pair_key(lexeme TEXT, next TEXT) RETURNS INTEGER
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT hashtext(lexeme || ' ' || next) & 1048575
$$;

CREATE FUNCTION paper_search_pairs(doc tsvector) RETURNS INTEGER[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT paper_search_pair_key(a.lexeme, b.lexeme)), '{}')
  FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(doc)) a
  JOIN (SELECT lexeme, unnest(positions) AS pos FROM unnest(doc)) b ON b.pos = a.pos + 1
$$;

ALTER TABLE "papers" ADD COLUMN "searchPairs" INTEGER[]
  GENERATED ALWAYS AS (paper_search_pairs(paper_search_document("title", "abstract", "authors"))) STORED;

CREATE INDEX "papers_search_pairs_idx" ON "papers" USING GIN ("searchPairs", "trendingScore");
