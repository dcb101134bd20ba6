// The delivery ledger: one row per (subscriber, period), claimed before any mail is sent so it goes out at most once.
import type { TDigestRecipient } from "./digest-recipients";
import type { TDigestFrequency } from "@/core/digest";
import type { Db } from "../db";

/** A temporary failure is retried this many times in total before the delivery stays failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** Backoff before attempt n+1 after n failed attempts: 1, 5, 15, 60 minutes. */
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 15, 60][Math.min(Math.max(attempts, 1), 4) - 1]!;
  return minutes * 60_000;
}

/** A delivery this process claimed, with everything needed to compose its digest. */
export type TClaimedDelivery = TDigestRecipient & { id: number; period: string; attempts: number };

/**
 * Creates pending deliveries for the next keyset batch of confirmed subscribers of `frequency` who
 * have had no digest since `periodStart`. The unique (subscriber, period) key makes a second
 * trigger's insert a no-op. Returns the last subscriber id read (null when the list is exhausted).
 */
export async function createDeliveryBatch(opts: {
  db: Db;
  frequency: TDigestFrequency;
  period: string;
  periodStart: Date;
  runId: number;
  afterId: number;
  limit: number;
  now: Date;
}): Promise<{ lastId: number | null; inserted: number }> {
  const rows = await opts.db.$queryRaw<{ lastId: number | null; inserted: number }[]>`
    WITH batch AS (
      SELECT id FROM subscribers
      WHERE status = 'confirmed' AND frequency::text = ${opts.frequency} AND id > ${opts.afterId}
        AND ("lastDigestAt" IS NULL OR "lastDigestAt" < ${opts.periodStart})
      ORDER BY id LIMIT ${opts.limit}
    ), ins AS (
      INSERT INTO deliveries ("subscriberId", period, "runId", status, "updatedAt")
      SELECT id, ${opts.period}, ${opts.runId}, 'pending', ${opts.now} FROM batch
      ON CONFLICT ("subscriberId", period) DO NOTHING RETURNING id
    )
    SELECT (SELECT max(id) FROM batch) AS "lastId", (SELECT count(*)::int FROM ins) AS inserted`;
  return rows[0] ?? { lastId: null, inserted: 0 };
}

const claimableWhere = (now: Date) => ({
  OR: [{ status: "pending" as const }, { status: "failed" as const, nextAttemptAt: { lte: now }, attempts: { lt: MAX_DELIVERY_ATTEMPTS } }],
});

export async function countClaimableDeliveries(opts: { db: Db; period: string; now: Date }): Promise<number> {
  return opts.db.delivery.count({ where: { period: opts.period, ...claimableWhere(opts.now) } });
}

/** The next page of deliveries of `period` that may be claimed now: pending, or failed and due for a retry. */
export async function listClaimableDeliveryIds(opts: { db: Db; period: string; afterId: number; limit: number; now: Date }): Promise<number[]> {
  const rows = await opts.db.$queryRaw<{ id: number }[]>`
    SELECT id FROM deliveries
    WHERE period = ${opts.period} AND id > ${opts.afterId}
      AND (status = 'pending' OR (status = 'failed' AND "nextAttemptAt" <= ${opts.now} AND attempts < ${MAX_DELIVERY_ATTEMPTS}))
    ORDER BY id LIMIT ${opts.limit}`;
  return rows.map((r) => r.id);
}

/**
 * The exactly-once gate: one atomic UPDATE moves claimable rows to `sending`, so of any number of
 * concurrent triggers or workers only the one that gets a row back may send it (a second claimer
 * blocks on the row lock, then re-checks the status and skips it). A row left in `sending` by a
 * crash is never claimed again (see README, "Digest").
 */
export async function claimDeliveries(opts: { db: Db; deliveryIds: number[]; now: Date; sentSince: Date }): Promise<TClaimedDelivery[]> {
  if (opts.deliveryIds.length === 0) return [];
  return opts.db.$queryRaw<TClaimedDelivery[]>`
    UPDATE deliveries d SET status = 'sending', "claimedAt" = ${opts.now}, attempts = d.attempts + 1, "updatedAt" = ${opts.now}
    FROM subscribers s
    WHERE d.id = ANY(${opts.deliveryIds}::int[]) AND s.id = d."subscriberId" AND s.status = 'confirmed'
      AND (d.status = 'pending' OR (d.status = 'failed' AND d."nextAttemptAt" <= ${opts.now} AND d.attempts < ${MAX_DELIVERY_ATTEMPTS}))
    RETURNING d.id, d.period, d.attempts, s.id AS "subscriberId", s.email, s.frequency::text AS frequency, s.keywords, s.categories,
      s."onlyWithCode", s."minUpvotes", s."lastDigestAt",
      ARRAY(SELECT sp."paperId" FROM sent_papers sp WHERE sp."subscriberId" = s.id AND sp."sentAt" >= ${opts.sentSince}) AS "sentPaperIds"`;
}

/** Pending or failed deliveries whose subscriber left (unsubscribed, bouncing, paused) are closed as skipped, not sent. */
export async function skipInactiveDeliveries(opts: { db: Db; deliveryIds: number[]; now: Date }): Promise<number> {
  if (opts.deliveryIds.length === 0) return 0;
  return opts.db.$executeRaw`
    UPDATE deliveries d SET status = 'skipped', "lastError" = 'subscriber is ' || s.status::text, "updatedAt" = ${opts.now}
    FROM subscribers s
    WHERE d.id = ANY(${opts.deliveryIds}::int[]) AND s.id = d."subscriberId" AND s.status <> 'confirmed' AND d.status IN ('pending', 'failed')`;
}

export type TSentDelivery = { id: number; paperIds: number[]; messageId: string };

/**
 * After the SMTP server accepted: rows sent, papers remembered, subscribers' last digest moved and
 * bounce counts reset. One statement for the whole batch, so each row's update is all or nothing.
 */
export async function markDeliveriesSent(opts: { db: Db; sent: TSentDelivery[]; now: Date }): Promise<void> {
  if (opts.sent.length === 0) return;
  await opts.db.$executeRaw`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(opts.sent)}::jsonb) AS x(id int, "paperIds" int[], "messageId" text)
    ), d AS (
      UPDATE deliveries SET status = 'sent', "sentAt" = ${opts.now}, "messageId" = input."messageId", "paperIds" = input."paperIds",
        "lastError" = NULL, "nextAttemptAt" = NULL, "updatedAt" = ${opts.now}
      FROM input WHERE deliveries.id = input.id AND deliveries.status = 'sending'
      RETURNING deliveries."subscriberId", input."paperIds"
    ), papers AS (
      INSERT INTO sent_papers ("subscriberId", "paperId", "sentAt")
      SELECT d."subscriberId", p, ${opts.now} FROM d, unnest(d."paperIds") AS p
      ON CONFLICT DO NOTHING
    )
    UPDATE subscribers s SET "lastDigestAt" = ${opts.now}, "bounceCount" = 0, "updatedAt" = ${opts.now} FROM d WHERE s.id = d."subscriberId"`;
}

export async function markDeliveriesSkipped(opts: { db: Db; deliveryIds: number[]; reason: string; now: Date }): Promise<void> {
  if (opts.deliveryIds.length === 0) return;
  await opts.db.$executeRaw`
    UPDATE deliveries SET status = 'skipped', "lastError" = ${opts.reason}, "paperIds" = '{}', "updatedAt" = ${opts.now}
    WHERE id = ANY(${opts.deliveryIds}::int[]) AND status = 'sending'`;
}

/** A temporary failure: retried by a later trigger (or queued job) after the backoff, until MAX_DELIVERY_ATTEMPTS. */
export async function markDeliveryRetry(opts: { db: Db; deliveryId: number; attempts: number; error: string; now: Date }): Promise<Date | null> {
  const nextAttemptAt = opts.attempts < MAX_DELIVERY_ATTEMPTS ? new Date(opts.now.getTime() + retryDelayMs(opts.attempts)) : null;
  await opts.db.$executeRaw`
    UPDATE deliveries SET status = 'failed', "lastError" = ${opts.error.slice(0, 500)}, "nextAttemptAt" = ${nextAttemptAt}, "updatedAt" = ${opts.now}
    WHERE id = ${opts.deliveryId} AND status = 'sending'`;
  return nextAttemptAt;
}

/** A permanent rejection: never retried; the subscriber becomes `bouncing` (and gets no more mail) at `bounceLimit`. */
export async function markDeliveryBounced(opts: { db: Db; deliveryId: number; error: string; bounceLimit: number; now: Date }): Promise<void> {
  await opts.db.$executeRaw`
    WITH d AS (
      UPDATE deliveries SET status = 'failed', "lastError" = ${opts.error.slice(0, 500)}, "nextAttemptAt" = NULL, "updatedAt" = ${opts.now}
      WHERE id = ${opts.deliveryId} AND status = 'sending' RETURNING "subscriberId"
    )
    UPDATE subscribers s SET "bounceCount" = s."bounceCount" + 1,
      status = CASE WHEN s."bounceCount" + 1 >= ${opts.bounceLimit} AND s.status = 'confirmed' THEN 'bouncing'::"SubscriberStatus" ELSE s.status END,
      "updatedAt" = ${opts.now}
    FROM d WHERE s.id = d."subscriberId"`;
}

/** Rows left in `sending` longer than `olderThanMs`: the rare crash window between SMTP accept and the ledger update. */
export async function countStuckDeliveries(opts: { db: Db; period: string; now: Date; olderThanMs: number }): Promise<number> {
  return opts.db.delivery.count({ where: { period: opts.period, status: "sending", claimedAt: { lt: new Date(opts.now.getTime() - opts.olderThanMs) } } });
}
