// Delivers a list of ledger rows in parallel lanes of claimed batches and tallies the outcomes.
import type { TDigestRunCounts } from "../repo/digest-runs";
import { deliverDigestBatch, type TDeliveryContext } from "./deliver-digest";

/**
 * Rows claimed per statement (and recorded per statement once sent). Bigger batches mean fewer
 * round trips, the main per-message cost besides SMTP, but more rows left `sending` (and so not
 * sent this period) if the process dies mid-batch: at most CLAIM_BATCH x concurrency.
 */
const CLAIM_BATCH = 16;

export type TDeliveryTally = Omit<TDigestRunCounts, "due"> & { retryAt: Date[] };

export async function processDeliveryIds(ctx: TDeliveryContext, ids: readonly number[], now: Date): Promise<TDeliveryTally> {
  const tally: TDeliveryTally = { sent: 0, skipped: 0, failed: 0, retried: 0, retryAt: [] };
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += CLAIM_BATCH) batches.push(ids.slice(i, i + CLAIM_BATCH));
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      for (const outcome of await deliverDigestBatch(ctx, batches[next++]!, now)) {
        tally[outcome.kind] += 1;
        if (outcome.retried) tally.retried += 1;
        if (outcome.kind === "failed" && outcome.nextAttemptAt) tally.retryAt.push(outcome.nextAttemptAt);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.settings.concurrency, batches.length)) }, lane));
  return tally;
}
