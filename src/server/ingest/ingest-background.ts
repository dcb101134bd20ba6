// The ingestion worker beside the web server: processes queued runs from pg-boss, sweeps stranded runs, and runs INGEST_SCHEDULE.
import { Cron } from "croner";
import { createDb } from "../db";
import { describeError } from "../errors/describe-error";
import type { TFetcher } from "../fetch/fetch-url";
import { serverFetcher } from "../fetch/server-fetcher";
import { QUEUES, startQueue } from "../jobs/queue";
import type { TBackgroundStarter } from "../jobs/background";
import { logger } from "../logger";
import { failAbandonedRuns, listQueuedRunIds } from "../repo/ingest-runs";
import { enqueueWith } from "./ingest-queue";
import { processIngestRun } from "./process-ingest-run";
import { triggerConfiguredIngest } from "./trigger-ingest";

/** A queued run whose job was lost (enqueue failed, queue reset) is picked up after this long. */
const STRANDED_AFTER_MS = 60_000;
/** No run legitimately takes this long, so a "running" row this old belongs to a dead process. */
const ABANDONED_AFTER_MS = 30 * 60_000;
const SWEEP_EVERY_MS = 30_000;

export type TIngestBackgroundDeps = { fetcher?: TFetcher; baseUrls?: Partial<Record<string, string>> };

export function ingestBackgroundStarter(deps: TIngestBackgroundDeps = {}): TBackgroundStarter {
  return async ({ config, databaseUrl }) => {
    const db = createDb(databaseUrl, { max: 3 });
    const boss = await startQueue({ connectionString: databaseUrl, max: 2 });
    const processDeps = {
      db,
      fetcher: deps.fetcher ?? serverFetcher(config),
      baseUrls: deps.baseUrls,
    };
    const runOne = (runId: number) => processIngestRun({ ...processDeps, runId });

    await boss.work<{ runId: number }>(QUEUES.ingest, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await runOne(job.data.runId);
    });

    let sweeping: Promise<void> = Promise.resolve();
    const sweep = () => {
      sweeping = sweeping
        .then(async () => {
          const now = new Date();
          await failAbandonedRuns({ db, startedBefore: new Date(now.getTime() - ABANDONED_AFTER_MS), now });
          for (const id of await listQueuedRunIds({ db, createdBefore: new Date(now.getTime() - STRANDED_AFTER_MS) })) await runOne(id);
        })
        .catch((err: unknown) => logger.error({ err: describeError(err) }, "ingestion sweep failed; it runs again in 30 s"));
    };
    const sweepTimer = setInterval(sweep, SWEEP_EVERY_MS);
    sweep();

    const triggerScheduled = async () => {
      try {
        const triggered = await triggerConfiguredIngest({ db, enqueue: enqueueWith(boss), sources: config.INGEST_SOURCES, trigger: "schedule" });
        logger.info({ runs: triggered.map((t) => `${t.runKey} → run ${t.runId}${t.queued ? "" : " (already active)"}`) }, "scheduled ingestion");
      } catch (err) {
        logger.error({ err: describeError(err) }, "scheduled ingestion failed to start");
      }
    };
    // INGEST_SCHEDULE, and once at start, so a fresh install does not wait for the first tick to catch up.
    const schedule = config.INGEST_SCHEDULE ? new Cron(config.INGEST_SCHEDULE, { timezone: "UTC", protect: true }, triggerScheduled) : null;
    if (schedule) {
      logger.info(`ingestion schedule "${config.INGEST_SCHEDULE}" (UTC) for ${config.INGEST_SOURCES}`);
      void schedule.trigger();
    }

    return {
      stop: async () => {
        schedule?.stop();
        clearInterval(sweepTimer);
        await sweeping;
        await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
        await db.$disconnect();
      },
    };
  };
}

export const startIngestBackground: TBackgroundStarter = ingestBackgroundStarter();
