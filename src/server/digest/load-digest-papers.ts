// Loads the candidate papers for one frequency once per run; every subscriber's digest is then chosen from them in memory.
import { MAX_LOOKBACK_DAYS, type TDigestFrequency } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import { addDays, startOfUtcDay, todayUtc } from "@/core/periods";
import type { Db } from "../db";
import { listDigestCandidates } from "../repo/digest-papers";

/** Enough for any realistic week of listings; the best-scored are kept if a period ever holds more. */
const MAX_CANDIDATES = 5_000;

/** The earliest listing day any subscriber of this frequency can look back to. */
export function lookbackStart(frequency: TDigestFrequency, now: Date): Date {
  return startOfUtcDay(addDays(todayUtc(now), -MAX_LOOKBACK_DAYS[frequency]));
}

/** Candidates in the feed's trending order (the stored score), so a digest lists papers as the front page does. */
export async function loadDigestPapers(opts: { db: Db; frequency: TDigestFrequency; now: Date }): Promise<TPaper[]> {
  return listDigestCandidates({ db: opts.db, since: lookbackStart(opts.frequency, opts.now), until: opts.now, limit: MAX_CANDIDATES });
}
