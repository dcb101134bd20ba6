-- PostgreSQL's text parser reads "<think>" as an XML tag and drops it, and "a<b and x>y" as one tag from "<" to ">", so those words
-- were in no search document, though LLM papers write their special tokens so (<think>, <eos>, <|im_end|>). Angle brackets are
-- read as spaces: what stood between them is words again, at the positions a phrase search expects.
CREATE OR REPLACE FUNCTION paper_search_document(title TEXT, abstract TEXT, authors TEXT[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, translate(coalesce(title, ''), '<>', '  ')), 'A')
      || setweight(to_tsvector('english'::regconfig, translate(coalesce(abstract, ''), '<>', '  ')), 'B')
      || setweight(to_tsvector('simple'::regconfig, translate(coalesce(array_to_string(authors, ' '), ''), '<>', '  ')), 'C')
      || setweight(to_tsvector('english'::regconfig, translate(coalesce(array_to_string(authors, ' '), ''), '<>', '  ')), 'C')
$$;

-- Only a paper holding "<" or ">" has a different document now: those rows alone are written again, so their stored document and
-- pairs are computed afresh, and the indexes are updated row by row (a few papers in a thousand), with no table-wide rewrite.
UPDATE "papers" SET "title" = "title"
WHERE strpos("title", '<') > 0 OR strpos("title", '>') > 0
   OR strpos(coalesce("abstract", ''), '<') > 0 OR strpos(coalesce("abstract", ''), '>') > 0
   OR strpos(array_to_string("authors", ' '), '<') > 0 OR strpos(array_to_string("authors", ' '), '>') > 0;
