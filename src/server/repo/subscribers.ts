// Subscriber rows, their single-use tokens and the suppression list, as plain objects.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

/** The shared client or an open transaction. */
export type TDbOrTx = Db | Prisma.TransactionClient;

export type TSubscriberStatus = "pending" | "confirmed" | "paused" | "bouncing" | "unsubscribed";

export type TSubscriberView = {
  id: number;
  email: string;
  status: TSubscriberStatus;
  frequency: "daily" | "weekly";
  keywords: string[];
  categories: string[];
  onlyWithCode: boolean;
  minUpvotes: number;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
};

export type TSubscriberPrefs = Pick<TSubscriberView, "frequency" | "keywords" | "categories" | "onlyWithCode" | "minUpvotes">;

const subscriberSelect = {
  id: true,
  email: true,
  status: true,
  frequency: true,
  keywords: true,
  categories: true,
  onlyWithCode: true,
  minUpvotes: true,
  confirmedAt: true,
  unsubscribedAt: true,
} as const;

/**
 * Creates a pending subscriber, or returns the existing one. Only a pending or unsubscribed row takes
 * the new preferences (and goes back to pending): an anonymous form must never change a confirmed
 * subscriber. One statement, so concurrent requests for one address give one row; addresses compare
 * case-insensitively (the unique index is on lower(email)) and a new row keeps the address as typed.
 */
export async function upsertPendingSubscriber(opts: {
  db: Db;
  email: string;
  prefs: TSubscriberPrefs;
  now: Date;
}): Promise<{ id: number; status: TSubscriberStatus }> {
  const { prefs } = opts;
  const rows = await opts.db.$queryRaw<{ id: number; status: TSubscriberStatus }[]>`
    INSERT INTO subscribers (email, status, frequency, keywords, categories, "onlyWithCode", "minUpvotes", "createdAt", "updatedAt")
    VALUES (${opts.email}, 'pending', ${prefs.frequency}::"Frequency", ${prefs.keywords}::text[], ${prefs.categories}::text[], ${prefs.onlyWithCode}, ${prefs.minUpvotes}, ${opts.now}, ${opts.now})
    ON CONFLICT (lower(email)) DO UPDATE SET
      status = 'pending', frequency = EXCLUDED.frequency, keywords = EXCLUDED.keywords, categories = EXCLUDED.categories,
      "onlyWithCode" = EXCLUDED."onlyWithCode", "minUpvotes" = EXCLUDED."minUpvotes", "unsubscribedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
    WHERE subscribers.status IN ('pending', 'unsubscribed')
    RETURNING id, status::text AS status`;
  if (rows[0]) return rows[0];
  const existing = await opts.db.$queryRaw<{ id: number; status: TSubscriberStatus }[]>`
    SELECT id, status::text AS status FROM subscribers WHERE lower(email) = lower(${opts.email})`;
  return existing[0]!;
}

export async function getSubscriber(opts: { db: TDbOrTx; id: number }): Promise<TSubscriberView | null> {
  return opts.db.subscriber.findUnique({ where: { id: opts.id }, select: subscriberSelect });
}

export async function updateSubscriberPreferences(opts: { db: Db; id: number; prefs: TSubscriberPrefs }): Promise<TSubscriberView> {
  return opts.db.subscriber.update({ where: { id: opts.id }, data: opts.prefs, select: subscriberSelect });
}

/** Moves a subscriber to `status` only from one of `from`; returns whether a row changed. */
export async function setSubscriberStatus(opts: {
  db: TDbOrTx;
  id: number;
  status: TSubscriberStatus;
  from: TSubscriberStatus[];
  now: Date;
}): Promise<boolean> {
  const stamps = opts.status === "unsubscribed" ? { unsubscribedAt: opts.now } : opts.status === "confirmed" ? { confirmedAt: opts.now } : {};
  const { count } = await opts.db.subscriber.updateMany({ where: { id: opts.id, status: { in: opts.from } }, data: { status: opts.status, ...stamps } });
  return count === 1;
}

/** Removes the row (tokens, deliveries and sent papers cascade) and keeps only the keyed hash. */
export async function deleteSubscriber(opts: { db: Db; id: number; emailHash: string }): Promise<boolean> {
  return opts.db.$transaction(async (tx) => {
    const { count } = await tx.subscriber.deleteMany({ where: { id: opts.id } });
    if (count === 0) return false;
    await tx.suppression.upsert({ where: { emailHash: opts.emailHash }, create: { emailHash: opts.emailHash, reason: "deleted" }, update: {} });
    return true;
  });
}

export async function isSuppressed(opts: { db: Db; emailHashes: string[] }): Promise<boolean> {
  return (await opts.db.suppression.count({ where: { emailHash: { in: opts.emailHashes } } })) > 0;
}

export async function createSubscriberToken(opts: { db: Db; subscriberId: number; purpose: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await opts.db.subscriberToken.create({
    data: { subscriberId: opts.subscriberId, purpose: opts.purpose, tokenHash: opts.tokenHash, expiresAt: opts.expiresAt },
  });
}

export type TTokenLookup = { ok: true; subscriberId: number } | { ok: false; reason: "unknown" | "expired" | "used" };

/** Looks a token up without using it (the confirm page's GET). */
export async function findSubscriberToken(opts: { db: TDbOrTx; purpose: string; tokenHash: string; now: Date }): Promise<TTokenLookup> {
  const row = await opts.db.subscriberToken.findUnique({ where: { tokenHash: opts.tokenHash } });
  if (!row || row.purpose !== opts.purpose) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= opts.now) return { ok: false, reason: "expired" };
  return { ok: true, subscriberId: row.subscriberId };
}

/** Uses a token exactly once, then runs `then` in the same transaction. */
export async function consumeSubscriberToken<T>(opts: {
  db: Db;
  purpose: string;
  tokenHash: string;
  now: Date;
  then: (tx: Prisma.TransactionClient, subscriberId: number) => Promise<T>;
}): Promise<{ ok: true; value: T } | { ok: false; reason: "unknown" | "expired" | "used" }> {
  return opts.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ subscriberId: number }[]>`
      UPDATE subscriber_tokens SET "usedAt" = ${opts.now}
      WHERE "tokenHash" = ${opts.tokenHash} AND purpose = ${opts.purpose} AND "usedAt" IS NULL AND "expiresAt" > ${opts.now}
      RETURNING "subscriberId"`;
    const row = rows[0];
    if (!row) {
      const lookup = await findSubscriberToken({ db: tx, purpose: opts.purpose, tokenHash: opts.tokenHash, now: opts.now });
      return { ok: false as const, reason: lookup.ok ? ("used" as const) : lookup.reason };
    }
    return { ok: true as const, value: await opts.then(tx, row.subscriberId) };
  });
}
