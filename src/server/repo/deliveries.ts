// The delivery ledger: one row per (subscriber, period), claimed before any mail is sent so it goes out at most once.
import { Prisma } from "@/generated/prisma/client";
import { recipientColumns, type TDigestRecipient } from "./digest-recipients";
import type { TDigestFrequency } from "@/core/digest";
import type { Db } from "../db";
import { dbNow, dbNowMinus } from "./db-clock";

/** A temporary failure is retried this many times in total before the delivery stays failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * A row `sending` for longer than this was claimed by a process that stopped. A live process records
 * a claimed row within about 3 minutes: each row of its batch reaches SMTP within `sendWithinMs`
 * (2 minutes) or is given back, the SMTP timeouts end a transaction within a minute, and the batch is
 * recorded as soon as its last row is done.
 */
export const STRANDED_AFTER_MS = 5 * 60_000;

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

/** The one definition of a row that may be claimed now: pending, or failed and due for a retry. Columns are qualified for the claim's join. */
const claimable = (now: Date) =>
  Prisma.sql`(deliveries.status = 'pending'
    OR (deliveries.status = 'failed' AND deliveries."nextAttemptAt" <= ${now} AND deliveries.attempts < ${MAX_DELIVERY_ATTEMPTS}))`;

/** Rows left `sending` by a process that stopped, by the database clock (claims are stamped with it too). */
const stranded = Prisma.sql`(deliveries.status = 'sending' AND deliveries."claimedAt" < ${dbNowMinus(STRANDED_AFTER_MS)})`;

export async function countClaimableDeliveries(opts: { db: Db; period: string; now: Date }): Promise<number> {
  const rows = await opts.db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM deliveries WHERE period = ${opts.period} AND ${claimable(opts.now)}`;
  return rows[0]?.count ?? 0;
}

/** The next page of deliveries of `period` that may be claimed now. */
export async function listClaimableDeliveryIds(opts: { db: Db; period: string; afterId: number; limit: number; now: Date }): Promise<number[]> {
  const rows = await opts.db.$queryRaw<{ id: number }[]>`
    SELECT id FROM deliveries
    WHERE period = ${opts.period} AND id > ${opts.afterId} AND ${claimable(opts.now)}
    ORDER BY id LIMIT ${opts.limit}`;
  return rows.map((r) => r.id);
}

/**
 * The exactly-once gate: one atomic UPDATE moves claimable rows to `sending`, so of any number of
 * concurrent triggers or workers only the one that gets a row back may send it (a second claimer
 * blocks on the row lock, then re-checks the status and skips it). A row left in `sending` by a
 * crash is never claimed again; after STRANDED_AFTER_MS an admin may release it (see README, "Digest").
 * `claimedAt` is the database clock, not the run's `now`, as it tells a dead claimer from a live one.
 */
export async function claimDeliveries(opts: { db: Db; deliveryIds: number[]; now: Date; sentSince: Date }): Promise<TClaimedDelivery[]> {
  if (opts.deliveryIds.length === 0) return [];
  return opts.db.$queryRaw<TClaimedDelivery[]>`
    UPDATE deliveries SET status = 'sending', "claimedAt" = ${dbNow}, attempts = deliveries.attempts + 1, "updatedAt" = ${opts.now}
    FROM subscribers s
    WHERE deliveries.id = ANY(${opts.deliveryIds}::int[]) AND s.id = deliveries."subscriberId" AND s.status = 'confirmed' AND ${claimable(opts.now)}
    RETURNING deliveries.id, deliveries.period, deliveries.attempts, ${recipientColumns(opts.sentSince)}`;
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
 * bounce counts reset, in one statement, so each row's update is all or nothing.
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

/** Rows that keep a run from `succeeded`: pending, failed with a retry still scheduled, or stranded. */
export async function countUnfinishedDeliveries(opts: { db: Db; period: string }): Promise<number> {
  const rows = await opts.db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM deliveries
    WHERE period = ${opts.period} AND (status = 'pending' OR (status = 'failed' AND "nextAttemptAt" IS NOT NULL) OR ${stranded})`;
  return rows[0]?.count ?? 0;
}

/** Rows some live process may still send: pending, or `sending` and not yet stranded. */
export async function countOpenDeliveries(opts: { db: Db; period: string }): Promise<number> {
  const rows = await opts.db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM deliveries
    WHERE period = ${opts.period} AND (status = 'pending' OR (status = 'sending' AND NOT ${stranded}))`;
  return rows[0]?.count ?? 0;
}

export type TStrandedPeriod = { period: string; count: number; oldestClaimedAt: Date };

/** Stranded rows per period, newest period first: what a crashed or killed process left `sending`. */
export async function summarizeStrandedDeliveries(opts: { db: Db }): Promise<TStrandedPeriod[]> {
  return opts.db.$queryRaw<TStrandedPeriod[]>`
    SELECT period, count(*)::int AS count, min("claimedAt") AS "oldestClaimedAt" FROM deliveries
    WHERE ${stranded} GROUP BY period ORDER BY period DESC`;
}

/**
 * Stranded rows of a current period become pending again, to be sent by the next claim (their
 * Message-ID is stable, so a receiver can drop the copy if the first one was in fact accepted).
 * Those of a past period are closed as failed: no trigger sends a past period, and the subscriber's
 * next digest carries their papers, as `lastDigestAt` and `sent_papers` never moved.
 */
export async function releaseStrandedDeliveries(opts: {
  db: Db;
  currentPeriods: string[];
  now: Date;
}): Promise<{ released: { id: number; period: string }[]; closed: { id: number; period: string }[] }> {
  const rows = await opts.db.$queryRaw<{ id: number; period: string; released: boolean }[]>`
    UPDATE deliveries SET
      status = CASE WHEN period = ANY(${opts.currentPeriods}::text[]) THEN 'pending'::"DeliveryStatus" ELSE 'failed'::"DeliveryStatus" END,
      "lastError" = CASE WHEN period = ANY(${opts.currentPeriods}::text[])
        THEN 'released for retry: its process stopped while sending'
        ELSE 'its process stopped while sending, and the period is over: the next digest carries its papers' END,
      "nextAttemptAt" = NULL, "updatedAt" = ${opts.now}
    WHERE ${stranded}
    RETURNING id, period, status = 'pending' AS released`;
  const pick = (released: boolean) => rows.filter((r) => r.released === released).map(({ id, period }) => ({ id, period }));
  return { released: pick(true), closed: pick(false) };
}

/** The ledger's row for a subscriber's period, if a run has made one: what a preview of that period must not pretend to send again. */
export async function findPeriodDelivery(opts: { db: Db; subscriberId: number; period: string }): Promise<{ status: string; sentAt: Date | null } | null> {
  const row = await opts.db.delivery.findUnique({
    where: { subscriberId_period: { subscriberId: opts.subscriberId, period: opts.period } },
    select: { status: true, sentAt: true },
  });
  return row ? { status: row.status, sentAt: row.sentAt } : null;
}
