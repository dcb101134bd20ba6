// Keeps stored trending scores current: scores decay with age, so every paper is rescored on a fixed cadence, then the feed is revalidated.
import { defaultRevalidate } from "../ingest/after-ingest";
import type { TBackgroundStarter } from "../jobs/start-background";
import { startDbCron } from "../jobs/start-db-cron";
import { refreshTrendingScores } from "./refresh-trending";

/** Every 15 minutes (UTC); each instance may run it, and the result is the same. */
export const TRENDING_REFRESH_SCHEDULE = "*/15 * * * *";

export const startTrendingBackground: TBackgroundStarter = async ({ config, databaseUrl, log }) => {
  const revalidate = defaultRevalidate({ appUrl: config.APP_URL, cronSecret: config.CRON_SECRET });
  return startDbCron({
    name: "trending refresh",
    schedule: TRENDING_REFRESH_SCHEDULE,
    databaseUrl,
    log,
    tick: async (db) => {
      await refreshTrendingScores({ db, now: new Date() });
      await revalidate();
    },
  });
};
