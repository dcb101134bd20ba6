// Delivers ledger rows in small batches: claim, choose papers, send through the throttled mailer, record the outcomes.
import type { TDigestFrequency } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import type { Db } from "../db";
import { logger } from "../logger";
import { classifyMailError } from "../mail/mail-errors";
import type { Mailer } from "../mail/mailer";
import {
  claimDeliveries,
  markDeliveriesSent,
  markDeliveriesSkipped,
  markDeliveryBounced,
  markDeliveryRetry,
  skipInactiveDeliveries,
  type TClaimedDelivery,
  type TSentDelivery,
} from "../repo/deliveries";
import { buildDigestMail } from "./build-digest-mail";
import type { TDigestSettings } from "./digest-settings";
import { loadDigestPapers, lookbackStart } from "./load-digest-papers";
import type { TRateLimiter } from "./rate-limiter";
import type { TSendWindow } from "./send-window";

export type TDeliveryOutcome =
  { kind: "sent"; retried: boolean } | { kind: "skipped"; retried: boolean } | { kind: "failed"; retried: boolean; nextAttemptAt: Date | null };

export type TDeliveryContext = {
  db: Db;
  mailer: Mailer;
  settings: TDigestSettings;
  limiter: TRateLimiter;
  /** Shared by everything this process sends, so only a few built digests exist at a time. */
  window: TSendWindow;
  /** Candidate papers per frequency, loaded and ranked once per run (or per worker, briefly cached). */
  papers: (frequency: TDigestFrequency) => Promise<readonly TPaper[]>;
};

export function paperCache(db: Db, now: Date): TDeliveryContext["papers"] {
  const cache = new Map<TDigestFrequency, Promise<TPaper[]>>();
  return (frequency) => {
    let papers = cache.get(frequency);
    if (!papers) {
      papers = loadDigestPapers({ db, frequency, now });
      cache.set(frequency, papers);
    }
    return papers;
  };
}

type TSendResult = { outcome: TDeliveryOutcome; sent?: TSentDelivery; skipped?: number };

async function sendOne(ctx: TDeliveryContext, row: TClaimedDelivery, now: Date): Promise<TSendResult> {
  const { db } = ctx;
  const retried = row.attempts > 1;
  let built;
  try {
    built = buildDigestMail({ settings: ctx.settings, recipient: row, period: row.period, papers: await ctx.papers(row.frequency), now });
  } catch (err) {
    const nextAttemptAt = await markDeliveryRetry({ db, deliveryId: row.id, attempts: row.attempts, error: String(err), now });
    return { outcome: { kind: "failed", retried, nextAttemptAt } };
  }
  if (!built) return { outcome: { kind: "skipped", retried }, skipped: row.id };

  await ctx.limiter.take();
  try {
    await ctx.mailer.send(built.mail);
  } catch (err) {
    const mailError = classifyMailError(err);
    if (mailError.kind === "permanent") {
      await markDeliveryBounced({ db, deliveryId: row.id, error: mailError.message, bounceLimit: ctx.settings.bounceLimit, now });
      return { outcome: { kind: "failed", retried, nextAttemptAt: null } };
    }
    const nextAttemptAt = await markDeliveryRetry({ db, deliveryId: row.id, attempts: row.attempts, error: mailError.message, now });
    return { outcome: { kind: "failed", retried, nextAttemptAt } };
  }
  return { outcome: { kind: "sent", retried }, sent: { id: row.id, paperIds: built.paperIds, messageId: built.mail.messageId } };
}

/**
 * Claims `deliveryIds` in one statement and sends what it got. Ids it did not get were claimed by
 * another trigger or worker, are already final, or belong to a subscriber who left (closed as
 * skipped). Sent rows are recorded together once the batch is out: a crash before that leaves
 * them `sending`, and they are not sent again (at most once).
 */
export async function deliverDigestBatch(ctx: TDeliveryContext, deliveryIds: number[], now: Date): Promise<TDeliveryOutcome[]> {
  const { db } = ctx;
  const claimed = await claimDeliveries({ db, deliveryIds, now, sentSince: lookbackStart("weekly", now) });
  if (claimed.length < deliveryIds.length) {
    const got = new Set(claimed.map((row) => row.id));
    await skipInactiveDeliveries({ db, deliveryIds: deliveryIds.filter((id) => !got.has(id)), now });
  }
  const results = await Promise.all(claimed.map((row) => ctx.window.run(() => sendOne(ctx, row, now))));
  try {
    await markDeliveriesSent({ db, sent: results.flatMap((r) => (r.sent ? [r.sent] : [])), now });
  } catch (err) {
    logger.error({ err, deliveryIds }, "digests accepted by SMTP but the ledger update failed; the rows stay 'sending'");
    throw err;
  }
  await markDeliveriesSkipped({ db, deliveryIds: results.flatMap((r) => (r.skipped !== undefined ? [r.skipped] : [])), reason: "nothing new matched", now });
  return results.map((r) => r.outcome);
}
