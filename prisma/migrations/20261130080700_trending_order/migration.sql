-- The trending score becomes a time-invariant order key: ln(points) + listing day number (see src/core/ranking/trending-score.ts).
-- Stored scores are recomputed once from the stored counts. The growth term is left out here: each paper gains it
-- the next time an ingestion records a new reading of its counts.
UPDATE "papers"
SET "trendingScore" = ln(1 + greatest("upvotes", 0) + 2 * log(2, 1 + greatest(coalesce("githubStars", 0), 0))::float8)
  + ("listedOn" - DATE '1970-01-01');
