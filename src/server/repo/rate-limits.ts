// Fixed-window rate limiting in PostgreSQL, so the limit holds across every app instance.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

export type TRateLimitResult = { allowed: boolean; count: number; resetAt: Date };

/** The upsert that counts one hit against `key`, returning the window's `count` and `resetAt`: run by hitRateLimit, and inside statements that count a hit among other work. */
export function rateLimitHitSql(opts: { key: string; windowMs: number; now: Date }): Prisma.Sql {
  const resetAt = new Date(opts.now.getTime() + opts.windowMs);
  return Prisma.sql`
    INSERT INTO rate_limits (key, count, "resetAt") VALUES (${opts.key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits."resetAt" <= ${opts.now} THEN 1 ELSE rate_limits.count + 1 END,
      "resetAt" = CASE WHEN rate_limits."resetAt" <= ${opts.now} THEN ${resetAt} ELSE rate_limits."resetAt" END
    RETURNING count, "resetAt"`;
}

/** Counts one hit against `key`; allowed while the window's count stays within `limit`. One atomic statement. */
export async function hitRateLimit(opts: { db: Db; key: string; limit: number; windowMs: number; now: Date }): Promise<TRateLimitResult> {
  const rows = await opts.db.$queryRaw<{ count: number; resetAt: Date }[]>(rateLimitHitSql(opts));
  const row = rows[0]!;
  return { allowed: row.count <= opts.limit, count: row.count, resetAt: row.resetAt };
}

/**
 * Takes back one hit counted against `key` in its current window, for a hit that turned out to be no abuse (a sign-in that succeeded):
 * hitRateLimit still reserves a slot before the work it guards, so attempts sent at once cannot all slip under the limit.
 */
export async function refundRateLimit(opts: { db: Db; key: string; now: Date }): Promise<void> {
  await opts.db.$executeRaw`
    UPDATE rate_limits SET count = GREATEST(count - 1, 0) WHERE key = ${opts.key} AND "resetAt" > ${opts.now}`;
}

export async function purgeExpiredRateLimits(opts: { db: Db; now: Date }): Promise<number> {
  return opts.db.rateLimit.deleteMany({ where: { resetAt: { lt: opts.now } } }).then((r) => r.count);
}
