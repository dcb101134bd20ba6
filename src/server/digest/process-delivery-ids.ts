// Delivers a list of ledger rows in parallel lanes of claimed batches, and adds the outcomes to their run's counts.
import { logger } from "../logger";
import { addDigestRunCounts, type TDigestRunCounts } from "../repo/digest-runs";
import { deliverDigestBatch, type TDeliveryContext } from "./deliver-digest";

/**
 * Rows claimed per statement. Bigger batches mean fewer round trips, but more rows left `sending`
 * (and so not sent this period unless released) if the process dies: at most CLAIM_BATCH x concurrency.
 */
export const CLAIM_BATCH = 16;

export type TDeliveryTally = Omit<TDigestRunCounts, "due"> & { retryAt: Date[] };

/**
 * When a batch cannot be claimed (the database is gone), the other lanes finish the batches they
 * hold and take no more; what was delivered is still counted before the error is rethrown.
 * `now` is when the run began; each batch is claimed, sent and recorded at that time plus the time
 * the run has taken so far: a rate-limited run of thousands lasts many minutes, and every digest was
 * recorded as sent, and every retry scheduled, from its first second.
 */
export async function processDeliveryIds(ctx: TDeliveryContext, job: { runId: number; ids: readonly number[] }, now: Date): Promise<TDeliveryTally> {
  const tally: TDeliveryTally = { sent: 0, skipped: 0, failed: 0, retried: 0, retryAt: [] };
  const batches: number[][] = [];
  for (let i = 0; i < job.ids.length; i += CLAIM_BATCH) batches.push(job.ids.slice(i, i + CLAIM_BATCH));
  let next = 0;
  const errors: unknown[] = [];
  const began = performance.now();
  const clock = () => new Date(now.getTime() + Math.floor(performance.now() - began));
  const lane = async () => {
    while (errors.length === 0 && next < batches.length) {
      try {
        for (const outcome of await deliverDigestBatch(ctx, batches[next++]!, clock)) {
          tally[outcome.kind] += 1;
          if (outcome.retried) tally.retried += 1;
          if (outcome.kind === "failed" && outcome.nextAttemptAt) tally.retryAt.push(outcome.nextAttemptAt);
        }
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.settings.concurrency, batches.length)) }, lane));
  const counted = addDigestRunCounts({ db: ctx.db, runId: job.runId, counts: tally });
  if (errors.length > 0) {
    await counted.catch((err: unknown) => logger.warn({ err, runId: job.runId, counts: tally }, "digest run counts not added"));
    throw errors[0];
  }
  await counted;
  return tally;
}
