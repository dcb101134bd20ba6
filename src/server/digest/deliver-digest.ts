// Delivers one ledger row: claim, choose papers, send through the throttled mailer, record the outcome.
import type { TDigestFrequency } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import type { Db } from "../db";
import { logger } from "../logger";
import { classifyMailError } from "../mail/mail-errors";
import type { Mailer } from "../mail/mailer";
import {
  claimDelivery, markDeliveryBounced, markDeliveryRetry, markDeliverySent, markDeliverySkipped, skipInactiveDelivery,
} from "../repo/deliveries";
import { buildDigestMail } from "./build-digest-mail";
import type { TDigestSettings } from "./digest-settings";
import { loadDigestPapers, lookbackStart } from "./load-digest-papers";
import type { TRateLimiter } from "./rate-limiter";

export type TDeliveryOutcome =
  | { kind: "sent"; retried: boolean }
  | { kind: "skipped"; retried: boolean }
  | { kind: "failed"; retried: boolean; nextAttemptAt: Date | null }
  /** Claimed elsewhere, already final, or the subscriber left before the claim. */
  | { kind: "not-claimed" };

export type TDeliveryContext = {
  db: Db;
  mailer: Mailer;
  settings: TDigestSettings;
  limiter: TRateLimiter;
  /** Candidate papers per frequency, loaded once per run (or per worker job batch). */
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

export async function deliverDigest(ctx: TDeliveryContext, deliveryId: number, now: Date): Promise<TDeliveryOutcome> {
  const { db } = ctx;
  const claimed = await claimDelivery({ db, deliveryId, now, sentSince: lookbackStart("weekly", now) });
  if (!claimed) {
    await skipInactiveDelivery({ db, deliveryId, now });
    return { kind: "not-claimed" };
  }
  const retried = claimed.attempts > 1;
  let built;
  try {
    built = buildDigestMail({ settings: ctx.settings, recipient: claimed, period: claimed.period, papers: await ctx.papers(claimed.frequency), now });
  } catch (err) {
    const nextAttemptAt = await markDeliveryRetry({ db, deliveryId, attempts: claimed.attempts, error: String(err), now });
    return { kind: "failed", retried, nextAttemptAt };
  }
  if (!built) {
    await markDeliverySkipped({ db, deliveryId, reason: "nothing new matched", now });
    return { kind: "skipped", retried };
  }

  await ctx.limiter.take();
  try {
    await ctx.mailer.send(built.mail);
  } catch (err) {
    const mailError = classifyMailError(err);
    if (mailError.kind === "permanent") {
      await markDeliveryBounced({ db, deliveryId, error: mailError.message, bounceLimit: ctx.settings.bounceLimit, now });
      return { kind: "failed", retried, nextAttemptAt: null };
    }
    const nextAttemptAt = await markDeliveryRetry({ db, deliveryId, attempts: claimed.attempts, error: mailError.message, now });
    return { kind: "failed", retried, nextAttemptAt };
  }
  // From here the mail is out: if this write fails the row stays `sending` and is never resent (at most once).
  try {
    await markDeliverySent({ db, deliveryId, paperIds: built.paperIds, messageId: built.mail.messageId, now });
  } catch (err) {
    logger.error({ err, deliveryId }, "digest accepted by SMTP but the ledger update failed; the row stays 'sending'");
    throw err;
  }
  return { kind: "sent", retried };
}
