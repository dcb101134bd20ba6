// Subscriber rows, their single-use tokens and the suppression list, as plain objects.
import type { Prisma } from "@/generated/prisma/client";
import type { Db, TDbOrTx } from "../db";
import { rateLimitHitSql } from "./rate-limits";

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
  negativeKeywords: string[];
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
};

export type TSubscriberPrefs = Pick<TSubscriberView, "frequency" | "keywords" | "categories" | "onlyWithCode" | "minUpvotes" | "negativeKeywords">;

const subscriberSelect = {
  id: true,
  email: true,
  status: true,
  frequency: true,
  keywords: true,
  categories: true,
  onlyWithCode: true,
  minUpvotes: true,
  negativeKeywords: true,
  confirmedAt: true,
  unsubscribedAt: true,
} as const;

/** What one subscribe request found and did, in one statement (see recordSubscribeRequest). */
export type TSubscribeRequestRecord = {
  suppressed: boolean;
  /** The address's row after the request; null when it was not looked at (a bot, suppressed, or over the limit). */
  subscriber: { id: number; status: TSubscriberStatus } | null;
  /** Requests for this address in the current window, this one included. */
  addressHits: number;
  /** Whether the confirmation token was stored (a pending row within the address limit). */
  tokenCreated: boolean;
};

/**
 * Everything a subscribe request does to the database, as ONE statement whatever the outcome, so the answer's timing
 * does not tell a new address from a known, erased or rate-limited one. It counts the request against the address's
 * limit (a bot's submission too, so that it costs the same commit as everyone else's). Then, unless `write` is off (a
 * bot), the address is suppressed or over its limit, it creates a pending subscriber or finds the existing one: only a
 * pending or unsubscribed row takes the new preferences (and goes back to pending), as an anonymous form must never
 * change a confirmed subscriber; a pending row gets the confirmation token's hash. Past the limit every address does
 * the same single write, so repeated probes of one address all look alike. Addresses compare case-insensitively (the
 * unique index is on lower(email), so concurrent requests for one mailbox give one row); a new row keeps the address as typed.
 */
export async function recordSubscribeRequest(opts: {
  db: Db;
  email: string;
  prefs: TSubscriberPrefs;
  write: boolean;
  /** Every keyed hash the address may be suppressed under. */
  suppressionHashes: string[];
  addressLimit: { key: string; limit: number; windowMs: number };
  token: { purpose: string; hash: string; expiresAt: Date };
  now: Date;
}): Promise<TSubscribeRequestRecord> {
  const { prefs, addressLimit, token, now } = opts;
  const rows = await opts.db.$queryRaw<
    { suppressed: boolean; subscriberId: number | null; status: TSubscriberStatus | null; addressHits: number; tokenCreated: boolean }[]
  >`
    WITH suppressed AS (
      SELECT EXISTS (SELECT 1 FROM suppressions WHERE "emailHash" = ANY(${opts.suppressionHashes}::text[])) AS yes
    ),
    address AS (${rateLimitHitSql({ key: addressLimit.key, windowMs: addressLimit.windowMs, now })}),
    proceed AS (
      SELECT ${opts.write} AND NOT suppressed.yes AND address.count <= ${addressLimit.limit} AS yes FROM suppressed, address
    ),
    upserted AS (
      INSERT INTO subscribers (email, status, frequency, keywords, categories, "onlyWithCode", "minUpvotes", "negativeKeywords", "createdAt", "updatedAt")
      SELECT ${opts.email}, 'pending', ${prefs.frequency}::"Frequency", ${prefs.keywords}::text[], ${prefs.categories}::text[], ${prefs.onlyWithCode},
             ${prefs.minUpvotes}, ${prefs.negativeKeywords}::text[], ${now}, ${now}
      WHERE (SELECT yes FROM proceed)
      ON CONFLICT (lower(email)) DO UPDATE SET
        status = 'pending', frequency = EXCLUDED.frequency, keywords = EXCLUDED.keywords, categories = EXCLUDED.categories,
        "onlyWithCode" = EXCLUDED."onlyWithCode", "minUpvotes" = EXCLUDED."minUpvotes", "negativeKeywords" = EXCLUDED."negativeKeywords", "unsubscribedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      WHERE subscribers.status IN ('pending', 'unsubscribed')
      RETURNING id, status::text AS status
    ),
    subscriber AS (
      SELECT id, status FROM upserted
      UNION ALL
      SELECT id, status::text FROM subscribers
      WHERE lower(email) = lower(${opts.email}) AND (SELECT yes FROM proceed) AND NOT EXISTS (SELECT 1 FROM upserted)
    ),
    token AS (
      INSERT INTO subscriber_tokens ("subscriberId", purpose, "tokenHash", "expiresAt", "createdAt")
      SELECT id, ${token.purpose}, ${token.hash}, ${token.expiresAt}, ${now} FROM subscriber WHERE status = 'pending'
      RETURNING id
    )
    SELECT (SELECT yes FROM suppressed) AS suppressed, (SELECT id FROM subscriber) AS "subscriberId", (SELECT status FROM subscriber) AS status,
           (SELECT count FROM address) AS "addressHits", EXISTS (SELECT 1 FROM token) AS "tokenCreated"`;
  const row = rows[0]!;
  return {
    suppressed: row.suppressed,
    subscriber: row.subscriberId === null ? null : { id: row.subscriberId, status: row.status! },
    addressHits: row.addressHits,
    tokenCreated: row.tokenCreated,
  };
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
  const stamps =
    opts.status === "unsubscribed" ? { unsubscribedAt: opts.now } : opts.status === "confirmed" ? { confirmedAt: opts.now, unsubscribedAt: null } : {};
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
