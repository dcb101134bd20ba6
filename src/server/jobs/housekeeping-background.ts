// Hourly housekeeping: expired rate-limit windows are deleted so the table stays as small as its live windows.
import { Cron } from "croner";
import { createDb } from "../db";
import { describeError } from "../errors/describe-error";
import { purgeExpiredRateLimits } from "../repo/rate-limits";
import type { TBackgroundStarter } from "./start-background";

export const HOUSEKEEPING_SCHEDULE = "7 * * * *";

export const startHousekeepingBackground: TBackgroundStarter = async ({ databaseUrl, log }) => {
  const db = createDb(databaseUrl, { max: 1 });
  const job = new Cron(HOUSEKEEPING_SCHEDULE, { timezone: "UTC", protect: true }, async () => {
    try {
      await purgeExpiredRateLimits({ db, now: new Date() });
    } catch (err) {
      log(`housekeeping failed: ${describeError(err)}`);
    }
  });
  return {
    stop: async () => {
      job.stop();
      await db.$disconnect();
    },
  };
};
