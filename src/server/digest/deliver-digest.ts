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
      const loading = loadDigestPapers({ db, frequency, now });
      // A failed load is forgotten, so one database error fails only the rows already waiting on it (they see the error), not every row until the cache expires.
      void Promise.allSettled([loading]).then(([outcome]) => {
        if (outcome?.status === "rejected" && cache.get(frequency) === loading) cache.delete(frequency);
      });
      cache.set(frequency, loading);
      papers = loading;
    }
    return papers;
  };
}

/** What happened to one claimed row, before the ledger knows. */
type TAttempt = { kind: "sent"; paperIds: number[]; messageId: string } | { kind: "skipped" } | { kind: "failed"; permanent: boolean; error: string };

/** Builds and sends one digest. Never throws: every failure is an outcome to record. */
async function attemptDelivery(ctx: TDeliveryContext, row: TClaimedDelivery, claimedAt: number, now: Date): Promise<TAttempt> {
  let built;
  try {
    built = buildDigestMail({ settings: ctx.settings, recipient: row, period: row.period, papers: await ctx.papers(row.frequency), now });
  } catch (err) {
    logger.warn({ err, deliveryId: row.id }, "digest could not be built; retried later");
    return { kind: "failed", permanent: false, error: String(err) };
  }
  if (!built) return { kind: "skipped" };

  await ctx.limiter.take();
  if (performance.now() - claimedAt > ctx.settings.sendWithinMs) {
    return { kind: "failed", permanent: false, error: "claimed too long ago to send safely (SMTP or the rate limit too slow); retried later" };
  }
  try {
    await ctx.mailer.send(built.mail);
    return { kind: "sent", paperIds: built.paperIds, messageId: built.mail.messageId };
  } catch (err) {
    const mailError = classifyMailError(err);
    return { kind: "failed", permanent: mailError.kind === "permanent", error: mailError.message };
  }
}

type TSettled = { row: TClaimedDelivery; attempt: TAttempt };
type TSentRow = { row: TClaimedDelivery; attempt: Extract<TAttempt, { kind: "sent" }> };

/**
 * Writes `rows` with one statement; if that fails, with one statement per row, so a row the
 * database refuses strands no other. A row whose own write fails is logged with `lost`.
 */
async function writeRows<T extends { row: TClaimedDelivery }>(rows: T[], write: (rows: T[]) => Promise<unknown>, lost: string): Promise<void> {
  if (rows.length === 0) return;
  try {
    await write(rows);
  } catch (err) {
    if (rows.length === 1) return logger.error({ err, deliveryId: rows[0]!.row.id }, lost);
    logger.warn({ err, deliveryIds: rows.map((r) => r.row.id) }, "ledger write for a batch failed; writing its rows one by one");
    for (const r of rows) await writeRows([r], write, lost);
  }
}

/**
 * Records a batch's outcomes: accepted sends first, in one statement, then skips, then each failure
 * on its own. A row whose write fails stays `sending`, and is listed as stranded after STRANDED_AFTER_MS.
 */
async function recordBatch(ctx: TDeliveryContext, settled: TSettled[], now: Date): Promise<TDeliveryOutcome[]> {
  const { db } = ctx;
  const sent = settled.filter((s): s is TSentRow => s.attempt.kind === "sent");
  await writeRows(
    sent,
    (rows) => markDeliveriesSent({ db, sent: rows.map(({ row, attempt }) => ({ id: row.id, paperIds: attempt.paperIds, messageId: attempt.messageId })), now }),
    "digest accepted by SMTP but not recorded; the row stays 'sending' and is not sent again unless released",
  );
  await writeRows(
    settled.filter((s) => s.attempt.kind === "skipped"),
    (rows) => markDeliveriesSkipped({ db, deliveryIds: rows.map((r) => r.row.id), reason: "nothing new matched", now }),
    "skipped digest not recorded; the row stays 'sending' until released",
  );
  return Promise.all(
    settled.map(async ({ row, attempt }): Promise<TDeliveryOutcome> => {
      const retried = row.attempts > 1;
      if (attempt.kind !== "failed") return { kind: attempt.kind, retried };
      try {
        if (!attempt.permanent) {
          return {
            kind: "failed",
            retried,
            nextAttemptAt: await markDeliveryRetry({ db, deliveryId: row.id, attempts: row.attempts, error: attempt.error, now }),
          };
        }
        await markDeliveryBounced({ db, deliveryId: row.id, error: attempt.error, bounceLimit: ctx.settings.bounceLimit, now });
      } catch (err) {
        logger.error({ err, deliveryId: row.id }, "failed digest not recorded; the row stays 'sending' until released");
      }
      return { kind: "failed", retried, nextAttemptAt: null };
    }),
  );
}

/**
 * Claims `deliveryIds` in one statement, sends what it got, and records the outcomes together once
 * the batch is out: one ledger write per batch rather than per message keeps the run within its
 * throughput targets, at the price of a crash window of up to one batch per lane (README, "Digest").
 * Ids it did not get were claimed by another trigger or worker, are already final, or belong to a
 * subscriber who left (closed as skipped).
 */
export async function deliverDigestBatch(ctx: TDeliveryContext, deliveryIds: number[], clock: () => Date): Promise<TDeliveryOutcome[]> {
  const { db } = ctx;
  const now = clock();
  const claimed = await claimDeliveries({ db, deliveryIds, now, sentSince: lookbackStart("weekly", now) });
  const claimedAt = performance.now();
  const settled = await Promise.all(claimed.map(async (row) => ({ row, attempt: await ctx.window.run(() => attemptDelivery(ctx, row, claimedAt, now)) })));
  // Recorded at the time the batch is out, which a rate limit may have made seconds after its claim.
  const outcomes = await recordBatch(ctx, settled, clock());
  if (claimed.length < deliveryIds.length) {
    const got = new Set(claimed.map((row) => row.id));
    const others = deliveryIds.filter((id) => !got.has(id));
    // Unclaimed rows are not ours to strand: if this fails they stay as they were, and the next trigger closes them.
    await skipInactiveDeliveries({ db, deliveryIds: others, now }).catch((err: unknown) =>
      logger.warn({ err, deliveryIds: others }, "deliveries of subscribers who left not closed yet"),
    );
  }
  return outcomes;
}
