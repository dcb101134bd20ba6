// Builds the dashboard's source-health table from ingest_runs and the papers each source has listed.
import type { Db } from "../db";
import { listRecentRunsBySource, newestListingDayBySource } from "../repo/admin-runs";
import { assessSourceHealth, healthSources, type TSourceHealth } from "./assess-source-health";

/** Error rates look at this many recent runs per source. */
const HEALTH_WINDOW = 20;

export async function loadSourceHealth(opts: { db: Db; configured: readonly string[]; now: Date }): Promise<TSourceHealth[]> {
  const [runs, newest] = await Promise.all([listRecentRunsBySource({ db: opts.db, perSource: HEALTH_WINDOW }), newestListingDayBySource({ db: opts.db })]);
  return healthSources({ configured: opts.configured, withRuns: runs.keys(), withPapers: newest.keys() }).map((source) =>
    assessSourceHealth({ source, runs: runs.get(source) ?? [], newestListingDay: newest.get(source) ?? null, now: opts.now }),
  );
}
