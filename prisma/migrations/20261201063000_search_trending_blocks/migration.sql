-- Search looks for a query among the most trending papers first, in a band of trending scores. As a range of scores in the btree_gin
-- index the band was a partial match, which reads every paper in the band whatever the words: about half of the time PostgreSQL spent
-- per search at 1,000,000 papers. The indexes now hold exact keys instead: the trending key of each paper (whole score units counted down
-- from 32768, so a more trending paper has a smaller key) divided by 4^level for 8 levels, tagged with the level, and a band of keys is
-- the union of a few aligned blocks, each one exact entry. src/core/search/trending-blocks.ts builds the blocks with the same layout.
-- Building both indexes took about 8 minutes at 1,000,000 papers on 2 cores, and holds off writes to papers meanwhile, not reads.
CREATE FUNCTION paper_trending_key(score float8) RETURNS int4
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN greatest(0, least(16777215, floor(32768 - score)))::int4;

CREATE FUNCTION paper_trending_blocks(score float8) RETURNS int4[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY[
    paper_trending_key(score),
    (1 << 24) | (paper_trending_key(score) >> 2),
    (2 << 24) | (paper_trending_key(score) >> 4),
    (3 << 24) | (paper_trending_key(score) >> 6),
    (4 << 24) | (paper_trending_key(score) >> 8),
    (5 << 24) | (paper_trending_key(score) >> 10),
    (6 << 24) | (paper_trending_key(score) >> 12),
    (7 << 24) | (paper_trending_key(score) >> 14)
  ];

CREATE INDEX "papers_search_blocks_idx" ON "papers" USING GIN ("search", paper_trending_blocks("trendingScore"));
DROP INDEX "papers_search_trending_idx";

CREATE INDEX "papers_search_pairs_blocks_idx" ON "papers" USING GIN ("searchPairs", paper_trending_blocks("trendingScore"));
DROP INDEX "papers_search_pairs_idx";
