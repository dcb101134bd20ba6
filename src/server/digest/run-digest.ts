// One digest run for one frequency's current period: record the run, create the period's deliveries in keyset
// batches, then send them here (in-process) or hand them to the pg-boss workers (queued).
import { currentPeriodStart, digestPeriodKey, type TDigestFrequency } from "@/core/digest";
import type { Db } from "../db";
import type { Mailer } from "../mail/mailer";
import { countClaimableDeliveries, createDeliveryBatch, listClaimableDeliveryIds } from "../repo/deliveries";
import { logger } from "../logger";
import { createDigestRun, finishDigestRun, getDigestRun, setDigestRunDue, type TDigestRun } from "../repo/digest-runs";
import { paperCache, type TDeliveryContext } from "./deliver-digest";
import { startHeartbeat } from "./digest-liveness";
import type { TDigestSettings } from "./digest-settings";
import { createRateLimiter, type TRateLimiter } from "./rate-limiter";
import { processDeliveryIds } from "./process-delivery-ids";
import { createSendWindow } from "./send-window";

/** Subscribers read (and deliveries inserted) per statement; memory stays flat however long the list. */
export const SUBSCRIBER_BATCH = 500;
/** Delivery ids per queued job. */
const JOB_CHUNK = 50;

export type TEnqueue = (jobs: { runId: number; ids: number[] }[]) => Promise<void>;

export type TRunDigestInput = {
  db: Db;
  frequency: TDigestFrequency;
  now: Date;
  trigger: string;
  settings: TDigestSettings;
  /** Sends in this process. Required unless `enqueue` is given. */
  mailer?: Mailer;
  limiter?: TRateLimiter;
  /** Hands delivery ids to queue workers instead of sending here. */
  enqueue?: TEnqueue;
  onProgress?: (done: number, due: number) => void;
};

async function createDeliveries(input: TRunDigestInput, runId: number, period: string): Promise<void> {
  let afterId = 0;
  for (;;) {
    const batch = await createDeliveryBatch({
      db: input.db,
      frequency: input.frequency,
      period,
      periodStart: currentPeriodStart(input.frequency, input.now),
      runId,
      afterId,
      limit: SUBSCRIBER_BATCH,
      now: input.now,
    });
    if (batch.lastId === null) return;
    afterId = batch.lastId;
  }
}

/** Every delivery of the period that may be claimed now, page by page: new ones and failed ones due for a retry. */
async function* claimablePages(db: Db, period: string, now: Date): AsyncGenerator<number[]> {
  let afterId = 0;
  for (;;) {
    const ids = await listClaimableDeliveryIds({ db, period, afterId, limit: SUBSCRIBER_BATCH, now });
    if (ids.length === 0) return;
    yield ids;
    afterId = ids[ids.length - 1]!;
  }
}

export async function runDigest(input: TRunDigestInput): Promise<TDigestRun> {
  const { db, now } = input;
  const period = digestPeriodKey(input.frequency, now);
  const runId = await createDigestRun({ db, period, trigger: input.trigger });
  const heartbeat = startHeartbeat(db, runId);
  try {
    await createDeliveries(input, runId, period);
    let due = 0;
    if (input.enqueue) {
      for await (const ids of claimablePages(db, period, now)) {
        due += ids.length;
        const jobs = [];
        for (let i = 0; i < ids.length; i += JOB_CHUNK) jobs.push({ runId, ids: ids.slice(i, i + JOB_CHUNK) });
        await input.enqueue(jobs);
      }
      await setDigestRunDue({ db, runId, due, status: "queued" });
      if (due === 0) return finishDigestRun({ db, runId });
      return (await getDigestRun({ db, runId }))!;
    }
    if (!input.mailer) throw new Error("runDigest needs a mailer or an enqueue function");
    const ctx: TDeliveryContext = {
      db,
      mailer: input.mailer,
      settings: input.settings,
      limiter: input.limiter ?? createRateLimiter(input.settings.mailRate),
      window: createSendWindow(input.settings.sendWindow),
      papers: paperCache(db, now),
    };
    due = await countClaimableDeliveries({ db, period, now });
    await setDigestRunDue({ db, runId, due });
    let done = 0;
    for await (const ids of claimablePages(db, period, now)) {
      await processDeliveryIds(ctx, { runId, ids }, now);
      done += ids.length;
      input.onProgress?.(done, due);
    }
    return finishDigestRun({ db, runId });
  } catch (err) {
    await finishDigestRun({ db, runId, error: err instanceof Error ? err.message : String(err) }).catch((finishErr: unknown) =>
      logger.error({ err: finishErr, runId }, "digest run not marked failed; the sweep fails it once its heartbeat stops"),
    );
    throw err;
  } finally {
    heartbeat.stop();
  }
}
