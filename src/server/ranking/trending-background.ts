// Keeps stored trending scores current: scores decay with age, so every paper is rescored on a fixed cadence, then the feed is revalidated.
import { Cron } from "croner";
import { createDb } from "../db";
import { describeError } from "../errors/describe-error";
import { defaultRevalidate } from "../ingest/after-ingest";
import type { TBackgroundStarter } from "../jobs/start-background";
import { refreshTrendingScores } from "./refresh-trending";

/** Every 15 minutes (UTC); each instance may run it, and the result is the same. */
export const TRENDING_REFRESH_SCHEDULE = "*/15 * * * *";

export const startTrendingBackground: TBackgroundStarter = async ({ config, databaseUrl, log }) => {
  const db = createDb(databaseUrl, { max: 1 });
  const revalidate = defaultRevalidate({ appUrl: config.APP_URL, cronSecret: config.CRON_SECRET });
  const job = new Cron(TRENDING_REFRESH_SCHEDULE, { timezone: "UTC", protect: true }, async () => {
    try {
      await refreshTrendingScores({ db, now: new Date() });
      await revalidate();
    } catch (err) {
      log(`trending refresh failed: ${describeError(err)}`);
    }
  });
  return {
    stop: async () => {
      job.stop();
      await db.$disconnect();
    },
  };
};
