// Loads the candidate papers for one frequency once per run; every subscriber's digest is then chosen from them in memory.
import { MAX_LOOKBACK_DAYS, type TDigestFrequency } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import { addDays, startOfUtcDay, todayUtc } from "@/core/periods";
import { rankPapers } from "@/core/ranking";
import type { Db } from "../db";
import { day } from "../repo/paper-record";

/** Enough for any realistic week of listings; the best-scored are kept if a period ever holds more. */
export const MAX_CANDIDATES = 5_000;

/** The earliest listing day any subscriber of this frequency can look back to. */
export function lookbackStart(frequency: TDigestFrequency, now: Date): Date {
  return startOfUtcDay(addDays(todayUtc(now), -MAX_LOOKBACK_DAYS[frequency]));
}

/** Only what choosing, ranking and showing a digest reads; nothing else is held for the whole run. */
const digestPaperSelect = {
  id: true,
  arxivId: true,
  title: true,
  abstract: true,
  authors: true,
  listedOn: true,
  upvotes: true,
  githubUrl: true,
  githubStars: true,
  categories: true,
  primaryCategory: true,
  keywords: true,
  trendingScore: true,
} as const;

/** Candidates in rankPapers order for `now`, ranked once per run rather than once per subscriber. */
export async function loadDigestPapers(opts: { db: Db; frequency: TDigestFrequency; now: Date }): Promise<TPaper[]> {
  const rows = await opts.db.paper.findMany({
    where: { hidden: false, listedOn: { gte: lookbackStart(opts.frequency, opts.now), lte: opts.now } },
    orderBy: [{ trendingScore: "desc" }, { id: "asc" }],
    take: MAX_CANDIDATES,
    select: digestPaperSelect,
  });
  return rankPapers(
    rows.map((row) => ({ ...row, listedOn: day(row.listedOn) })),
    opts.now,
  );
}
