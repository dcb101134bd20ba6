// Subscriber status changes shared by the unsubscribe flows and the digest mailer.
import type { Db } from "../db";

/** One-click unsubscribe: idempotent, and any digest not yet claimed for this subscriber is no longer sent. */
export async function unsubscribeSubscriber(opts: { db: Db; subscriberId: number; now: Date }): Promise<boolean> {
  const result = await opts.db.subscriber.updateMany({
    where: { id: opts.subscriberId, status: { not: "unsubscribed" } },
    data: { status: "unsubscribed", unsubscribedAt: opts.now },
  });
  return result.count > 0;
}
