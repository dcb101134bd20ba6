// Hourly housekeeping: expired rate-limit windows are deleted so the table stays as small as its live windows.
import { purgeExpiredRateLimits } from "../repo/rate-limits";
import type { TBackgroundStarter } from "./background";
import { startDbCron } from "./start-db-cron";

const HOUSEKEEPING_SCHEDULE = "7 * * * *";

export const startHousekeepingBackground: TBackgroundStarter = async ({ databaseUrl }) =>
  startDbCron({ name: "housekeeping", schedule: HOUSEKEEPING_SCHEDULE, databaseUrl, tick: (db) => purgeExpiredRateLimits({ db, now: new Date() }) });
