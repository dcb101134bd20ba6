// The send side of the ingestion queue: hands a queued run's id to pg-boss, from a worker's own client or the web process's lazily started one.
import PgBoss from "pg-boss";
import { QUEUES } from "../jobs/queue";
import { logger } from "../logger";

/** Hands a queued run to whatever processes runs (the pg-boss queue in the app); a failure leaves it queued for the sweep. */
export type TEnqueue = (runId: number) => Promise<void>;

const globalForQueue = globalThis as unknown as { paperDigestIngestQueue?: Promise<PgBoss> };

export function enqueueWith(boss: PgBoss): TEnqueue {
  return async (runId) => {
    await boss.send(QUEUES.ingest, { runId }, { retryLimit: 0 });
  };
}

/** Supervision and schedules stay off here: the worker side (startIngestBackground) runs them. */
export function webEnqueue(connectionString: string): TEnqueue {
  return async (runId) => {
    globalForQueue.paperDigestIngestQueue ??= (async () => {
      const boss = new PgBoss({ connectionString, schema: "pgboss", max: 2, supervise: false, schedule: false });
      boss.on("error", (err) => logger.warn({ err }, "ingestion queue client error"));
      await boss.start();
      await boss.createQueue(QUEUES.ingest);
      return boss;
    })().catch((err: unknown) => {
      globalForQueue.paperDigestIngestQueue = undefined;
      throw err;
    });
    await enqueueWith(await globalForQueue.paperDigestIngestQueue)(runId);
  };
}
