-- An `author:` filter looks its words up among author names alone. It looked them up in the whole search document, where a bare
-- name's prefix that also begins common words ("acc", as in accuracy) matched nearly every paper, each then rechecked against its
-- authors: `author:acc` took 1.5-4 s at 100,000 papers and about 9 s at a million. The simple configuration's words, as the search
-- document holds them at weight C (angle brackets read as spaces, as there). ANALYZE gives the expression its own statistics, from
-- which a name's matches are estimated.
CREATE OR REPLACE FUNCTION paper_author_words(authors TEXT[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, translate(coalesce(array_to_string(authors, ' '), ''), '<>', '  '))
$$;

CREATE INDEX "papers_author_words_idx" ON "papers" USING GIN (paper_author_words("authors"));

ANALYZE "papers";
