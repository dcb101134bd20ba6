// Subscriber reads for the admin console: counts by state, search by address, and keyset batches for CSV export.
import { escapeLike } from "./escape-like";
import type { Db } from "../db";

export const SUBSCRIBER_STATES = ["pending", "confirmed", "paused", "bouncing", "unsubscribed"] as const;
export type TSubscriberState = (typeof SUBSCRIBER_STATES)[number];

export type TAdminSubscriber = {
  id: number;
  email: string;
  status: TSubscriberState;
  frequency: "daily" | "weekly";
  keywords: string[];
  categories: string[];
  onlyWithCode: boolean;
  minUpvotes: number;
  bounceCount: number;
  lastDigestAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
};

const select = {
  id: true,
  email: true,
  status: true,
  frequency: true,
  keywords: true,
  categories: true,
  onlyWithCode: true,
  minUpvotes: true,
  bounceCount: true,
  lastDigestAt: true,
  confirmedAt: true,
  createdAt: true,
} as const;

export async function countSubscribersByState(opts: { db: Db }): Promise<Record<TSubscriberState, number>> {
  const groups = await opts.db.subscriber.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(SUBSCRIBER_STATES.map((s) => [s, 0])) as Record<TSubscriberState, number>;
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

export async function searchSubscribers(opts: { db: Db; query?: string; status?: TSubscriberState; limit?: number }): Promise<TAdminSubscriber[]> {
  const q = opts.query?.trim().toLowerCase();
  return opts.db.subscriber.findMany({
    where: { ...(q ? { email: { contains: escapeLike(q), mode: "insensitive" as const } } : {}), ...(opts.status ? { status: opts.status } : {}) },
    orderBy: { id: "desc" },
    take: opts.limit ?? 50,
    select,
  });
}

/** One page of subscribers after `afterId`, in id order (keyset, never OFFSET). */
export async function listSubscribersAfter(opts: { db: Db; afterId: number; batch: number }): Promise<TAdminSubscriber[]> {
  return opts.db.subscriber.findMany({ where: { id: { gt: opts.afterId } }, orderBy: { id: "asc" }, take: opts.batch, select });
}
