// Hourly housekeeping: expired rate-limit windows are deleted so the table stays as small as its live windows.
import { purgeExpiredRateLimits } from "../repo/rate-limits";
import type { TBackgroundStarter } from "./start-background";
import { startDbCron } from "./start-db-cron";

export const HOUSEKEEPING_SCHEDULE = "7 * * * *";

export const startHousekeepingBackground: TBackgroundStarter = async ({ databaseUrl, log }) =>
  startDbCron({ name: "housekeeping", schedule: HOUSEKEEPING_SCHEDULE, databaseUrl, log, tick: (db) => purgeExpiredRateLimits({ db, now: new Date() }) });
