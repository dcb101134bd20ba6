// Delivery jobs on pg-boss: a trigger enqueues chunks of ledger ids, and `npm run worker` / `npm start` processes on any machine claim and send them.
import type PgBoss from "pg-boss";
import type { Db } from "../db";
import { QUEUES } from "../jobs/queue";
import type { Mailer } from "../mail/mailer";
import { finishQueuedRunIfDone } from "../repo/digest-runs";
import { paperCache, type TDeliveryContext } from "./deliver-digest";
import type { TDigestSettings } from "./digest-settings";
import { processDeliveryIds } from "./process-delivery-ids";
import type { TRateLimiter } from "./rate-limiter";
import { createSendWindow } from "./send-window";
import type { TEnqueue } from "./run-digest";

type TDeliveryJob = { runId: number; ids: number[] };

/** Candidate papers are reloaded at most this often per worker process, not per job. */
const PAPER_CACHE_MS = 60_000;

export function queueEnqueuer(boss: PgBoss): TEnqueue {
  return async (jobs) => {
    if (jobs.length > 0) await boss.insert(jobs.map((data) => ({ name: QUEUES.digest, data, retryLimit: 3 })));
  };
}

/** Starts this process's delivery worker. Job retries by pg-boss are safe: the ledger claim lets each row be sent once. */
export async function workDeliveryJobs(opts: { boss: PgBoss; db: Db; mailer: Mailer; settings: TDigestSettings; limiter: TRateLimiter }): Promise<void> {
  let papers: { at: number; get: TDeliveryContext["papers"] } | null = null;
  const window = createSendWindow(opts.settings.sendWindow);
  await opts.boss.work<TDeliveryJob>(QUEUES.digest, { batchSize: 4, pollingIntervalSeconds: 1 }, async (jobs) => {
    const now = new Date();
    if (!papers || now.getTime() - papers.at > PAPER_CACHE_MS) papers = { at: now.getTime(), get: paperCache(opts.db, now) };
    const ctx: TDeliveryContext = { db: opts.db, mailer: opts.mailer, settings: opts.settings, limiter: opts.limiter, window, papers: papers.get };
    await Promise.all(
      jobs.map(async (job) => {
        const tally = await processDeliveryIds(ctx, job.data, now);
        if (tally.retryAt.length > 0) {
          const startAfter = new Date(Math.max(...tally.retryAt.map((d) => d.getTime())));
          await opts.boss.insert([{ name: QUEUES.digest, data: { runId: job.data.runId, ids: job.data.ids }, startAfter, retryLimit: 3 }]);
        }
        await finishQueuedRunIfDone({ db: opts.db, runId: job.data.runId });
      }),
    );
  });
}
