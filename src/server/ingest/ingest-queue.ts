// The send side of the ingestion queue for the web process: one lazily started pg-boss client that only enqueues.
import PgBoss from "pg-boss";
import { QUEUES } from "../jobs/queue";
import type { TEnqueue } from "./trigger-ingest";

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
      boss.on("error", () => {});
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
