// A scheduled job with its own small database pool: croner in UTC with overlap protection; a failed tick is logged and the schedule goes on.
import { Cron } from "croner";
import { createDb, type Db } from "../db";
import { describeError } from "../errors/describe-error";
import { logger } from "../logger";
import type { TBackground } from "./background";

export function startDbCron(opts: { name: string; schedule: string; databaseUrl: string; tick: (db: Db) => Promise<unknown> }): TBackground {
  const db = createDb(opts.databaseUrl, { max: 1 });
  const job = new Cron(opts.schedule, { timezone: "UTC", protect: true }, async () => {
    try {
      await opts.tick(db);
    } catch (err) {
      logger.error({ job: opts.name, err: describeError(err) }, "scheduled job failed; it runs again on schedule");
    }
  });
  return {
    stop: async () => {
      job.stop();
      await db.$disconnect();
    },
  };
}
