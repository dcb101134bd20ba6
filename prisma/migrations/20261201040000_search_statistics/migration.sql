-- Search sizes its first trending band from the planner estimate of the matches of a query, and PostgreSQL estimates a word that is not
-- among the most common elements of the search column as rare: at 1,000,000 papers a word in 14,636 papers was estimated at 1,431, so the
-- band covered 42% of the papers instead of 4%. Ten times the default statistics target keeps about three times as many elements
-- (3,133 against 1,000 on the benchmark corpus), and ANALYZE of the column then takes about 10 s at a million papers. The next
-- ANALYZE (autovacuum, or ANALYZE papers by hand) applies it.
ALTER TABLE "papers" ALTER COLUMN "search" SET STATISTICS 1000;
