// The digest's background work under `npm start` and `npm run worker`: the pg-boss delivery worker, the sweep for dead runs, and DIGEST_SCHEDULE if set.
import { Cron } from "croner";
import { createDb } from "../db";
import { startQueue } from "../jobs/queue";
import { describeError } from "../errors/describe-error";
import type { TBackgroundStarter } from "../jobs/background";
import { logger } from "../logger";
import { createMailer } from "../mail/mailer";
import { SWEEP_EVERY_MS, sweepDigestRuns } from "./digest-liveness";
import { queueEnqueuer, workDeliveryJobs } from "./digest-queue";
import { digestSettingsFrom } from "./digest-settings";
import { createRateLimiter } from "./rate-limiter";
import { triggerDigests } from "./trigger-digests";

export const startDigestBackground: TBackgroundStarter = async ({ config, databaseUrl }) => {
  const db = createDb(databaseUrl, { max: Math.max(4, config.MAIL_POOL_SIZE * 2 + 2) });
  const boss = await startQueue({ connectionString: databaseUrl });
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db, poolSize: config.MAIL_POOL_SIZE });
  const settings = digestSettingsFrom(config);
  await workDeliveryJobs({ boss, db, mailer, settings, limiter: createRateLimiter(settings.mailRate) });

  let reported = 0;
  let sweeping: Promise<void> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping
      .then(async () => {
        reported = await sweepDigestRuns({ db, alreadyReported: reported });
      })
      .catch((err: unknown) => logger.error({ err: describeError(err) }, "digest sweep failed; it runs again shortly"));
  };
  const sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
  sweep();

  const schedule = config.DIGEST_SCHEDULE
    ? new Cron(config.DIGEST_SCHEDULE, { timezone: "UTC", protect: true }, async () => {
        try {
          const runs = await triggerDigests({ db, now: new Date(), trigger: "schedule", settings, enqueue: queueEnqueuer(boss) });
          logger.info({ runs: runs.map((r) => `${r.period} (${r.due} due)`) }, "scheduled digest queued");
        } catch (err) {
          logger.error({ err: describeError(err) }, "scheduled digest failed; the next tick or /api/cron/digest retries it");
        }
      })
    : null;
  logger.info(`digest: delivery worker started${schedule ? `, schedule "${config.DIGEST_SCHEDULE}" (UTC)` : ", no schedule (DIGEST_SCHEDULE=off)"}`);

  return {
    stop: async () => {
      schedule?.stop();
      clearInterval(sweepTimer);
      await sweeping;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await mailer.close();
      await db.$disconnect();
    },
  };
};
