// The send side of the ingestion queue: hands a queued run's id to pg-boss, from a worker's own client or the web process's lazily started one.
import type PgBoss from "pg-boss";
import { QUEUES, startQueue } from "../jobs/queue";

/** Hands a queued run to whatever processes runs (the pg-boss queue in the app); a failure leaves it queued for the sweep. */
export type TEnqueue = (runId: number) => Promise<void>;

const globalForQueue = globalThis as unknown as { paperDigestIngestQueue?: Promise<PgBoss> };

export function enqueueWith(boss: PgBoss): TEnqueue {
  return async (runId) => {
    await boss.send(QUEUES.ingest, { runId }, { retryLimit: 0 });
  };
}

/** Started on the first run queued; supervision and schedules stay off here: the worker side (startIngestBackground) runs them. */
export function webEnqueue(connectionString: string): TEnqueue {
  return async (runId) => {
    globalForQueue.paperDigestIngestQueue ??= startQueue({ connectionString, max: 2, sendOnly: true }).catch((err: unknown) => {
      globalForQueue.paperDigestIngestQueue = undefined;
      throw err;
    });
    await enqueueWith(await globalForQueue.paperDigestIngestQueue)(runId);
  };
}
