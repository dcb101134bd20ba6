-- A phrase's rarest word is looked up beside its pair keys (src/server/repo/papers.ts), and the planner decides whether reading that
-- word's papers pays: it does when many papers share the phrase's 20-bit pair key, which only the pair column's most common elements
-- tell it. With the default target they stop at keys held by 1.5% of the papers, so at 1,000,000 papers a key on 3,453 papers (28 of
-- them holding the phrase "core taxonomies") was estimated like any other. Ten times the default keeps 8,430 keys, down to 0.15%.
-- ANALYZE of the table took 90 s instead of 82 at a million papers (the search column's own target already sets its sample). The
-- next ANALYZE (autovacuum, or ANALYZE papers by hand) applies it.
ALTER TABLE "papers" ALTER COLUMN "searchPairs" SET STATISTICS 1000;
