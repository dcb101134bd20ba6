// Delivers a list of ledger rows with bounded concurrency (one slot per pooled SMTP connection, roughly) and tallies the outcomes.
import type { TDigestRunCounts } from "../repo/digest-runs";
import { deliverDigest, type TDeliveryContext, type TDeliveryOutcome } from "./deliver-digest";

export type TDeliveryTally = Omit<TDigestRunCounts, "due"> & { retryAt: Date[] };

export async function processDeliveryIds(ctx: TDeliveryContext, ids: readonly number[], now: Date): Promise<TDeliveryTally> {
  const tally: TDeliveryTally = { sent: 0, skipped: 0, failed: 0, retried: 0, retryAt: [] };
  const record = (outcome: TDeliveryOutcome) => {
    if (outcome.kind === "not-claimed") return;
    tally[outcome.kind] += 1;
    if (outcome.retried) tally.retried += 1;
    if (outcome.kind === "failed" && outcome.nextAttemptAt) tally.retryAt.push(outcome.nextAttemptAt);
  };
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      record(await deliverDigest(ctx, id, now));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.settings.concurrency, ids.length)) }, lane));
  return tally;
}
