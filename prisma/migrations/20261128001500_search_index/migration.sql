-- Search reads fewer pages: the GIN index also holds the trending score (btree_gin), so "matches among the
-- most trending papers" is one index scan, and rows keep only short columns inline (abstract and the search
-- document live in TOAST), so heap scans over many matches stay small. Rows already stored move out on their
-- next update (the trending refresh rewrites every row).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX "papers_search_trending_idx" ON "papers" USING GIN ("search", "trendingScore");

DROP INDEX "papers_search_idx";

ALTER TABLE "papers" SET (toast_tuple_target = 512);
