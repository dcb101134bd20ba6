// Who the reader cookie belongs to: a valid signature, an unexpired token and the subscriber's current readerGeneration.
import type { Db } from "../db";
import { getGenerations } from "../repo/reader-feedback";
import { verifySubscriberToken } from "../subscriptions/subscription-links";

/** The subscriber id, or null for no cookie, a forged or expired one, a deleted subscriber, or a revoked generation. */
export async function recogniseReader(opts: { db: Db; secret: string; cookie: string | undefined; now: Date }): Promise<number | null> {
  if (!opts.cookie) return null;
  const check = verifySubscriberToken({ secret: opts.secret, purpose: "reader", token: opts.cookie, now: opts.now });
  if (!check.ok) return null;
  const generations = await getGenerations({ db: opts.db, subscriberId: check.subscriberId });
  return generations && generations.readerGeneration === check.generation ? check.subscriberId : null;
}
