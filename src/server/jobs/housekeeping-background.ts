// Hourly housekeeping: expired rate-limit windows and admin sessions are deleted so both tables stay as small as what is live.
import { purgeExpiredAdminSessions } from "../repo/admin-sessions";
import { purgeExpiredRateLimits } from "../repo/rate-limits";
import type { TBackgroundStarter } from "./background";
import { startDbCron } from "./start-db-cron";

const HOUSEKEEPING_SCHEDULE = "7 * * * *";

export const startHousekeepingBackground: TBackgroundStarter = async ({ databaseUrl }) =>
  startDbCron({
    name: "housekeeping",
    schedule: HOUSEKEEPING_SCHEDULE,
    databaseUrl,
    tick: async (db) => {
      const now = new Date();
      await purgeExpiredRateLimits({ db, now });
      await purgeExpiredAdminSessions({ db, now });
    },
  });
