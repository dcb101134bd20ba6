// Recomputes what the feed precomputes (trending scores, similar papers), for demo data and after ingestion.
import type { Db } from "../db";
import { refreshTrendingScores } from "../ranking/refresh-trending";
import { refreshSimilarPapers } from "./refresh-similar";

export async function refreshFeedData(opts: { db: Db; now: Date; paperIds?: number[] }): Promise<void> {
  await refreshTrendingScores({ db: opts.db, now: opts.now });
  await refreshSimilarPapers({ db: opts.db, paperIds: opts.paperIds });
}
