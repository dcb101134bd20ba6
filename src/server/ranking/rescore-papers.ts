// Stores the trending score (src/core/ranking) of papers whose counts changed; the score does not depend on the clock, so nothing else needs it.
import { growthFrom, trendingScore } from "@/core/ranking";
import type { Db } from "../db";
import { listGrowthReadings, listScoreInputs, storeTrendingScores } from "../repo/paper-scores";

const BATCH = 5_000;

/** Rescores `paperIds` (every paper when omitted, for bulk loads); returns the number of scores that changed. */
export async function rescorePapers(opts: { db: Db; paperIds?: readonly number[] }): Promise<number> {
  const { db, paperIds } = opts;
  if (paperIds?.length === 0) return 0;
  let afterId = 0;
  let changed = 0;
  for (;;) {
    const rows = await listScoreInputs({ db, afterId, limit: BATCH, paperIds });
    const last = rows.at(-1);
    if (!last) return changed;
    const ids = rows.map((r) => r.id);
    const readings = await listGrowthReadings({ db, paperIds: ids });
    const scores = rows.map((r) => trendingScore({ ...r, ...growthFrom(readings.get(r.id) ?? []) }));
    changed += await storeTrendingScores({ db, ids, scores });
    afterId = last.id;
  }
}
