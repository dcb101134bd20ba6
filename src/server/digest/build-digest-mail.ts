// The one digest builder: a recipient and the period's candidate papers become the chosen papers and the mail that carries them.
import { composeDigestBodies, selectDigest, type TDigestItem, type TDigestSelection } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import { startOfUtcDay, todayUtc } from "@/core/periods";
import type { TOutgoingMail } from "../mail/mailer";
import type { TDigestRecipient } from "../repo/digest-recipients";
import { subscriberLinks } from "../subscriptions/subscription-links";
import { digestMessageId } from "./digest-message-id";
import type { TDigestSettings } from "./digest-settings";

export type TDigestMail = { mail: TOutgoingMail & { messageId: string }; paperIds: number[]; items: TDigestItem[] };

/**
 * The papers a recipient's digest holds: selectDigest over the candidates, never one sent to them in the lookback window
 * nor one they said "less" of. Their feedback so far is in the recipient, so a press counts from the next digest on.
 */
export function chooseDigest(opts: { recipient: TDigestRecipient; papers: readonly TPaper[]; now: Date; limit: number }): TDigestSelection {
  const { recipient } = opts;
  const alreadySent = new Set(recipient.sentPaperIds);
  for (const id of recipient.dislikedPaperIds) alreadySent.add(id);
  return selectDigest({ now: opts.now, subscriber: recipient, papers: opts.papers, alreadySent, limit: opts.limit });
}

/** `papers` in the feed's trending order, as loadDigestPapers returns them; null when nothing new matches. */
export function buildDigestMail(opts: {
  settings: TDigestSettings;
  recipient: TDigestRecipient;
  period: string;
  papers: readonly TPaper[];
  now: Date;
}): TDigestMail | null {
  const { recipient, settings } = opts;
  const { items, listed } = chooseDigest({ recipient, papers: opts.papers, now: opts.now, limit: settings.limit });
  if (items.length === 0) return null;
  const links = subscriberLinks({
    appUrl: settings.appUrl,
    secret: settings.appSecret,
    subscriberId: recipient.subscriberId,
    // Links last a year from the day the digest goes out, not from its millisecond: a send's clock runs on while it works through
    // the batches, so its links differed from the preview's (the same mail otherwise) by a few milliseconds of expiry.
    now: startOfUtcDay(todayUtc(opts.now)),
    readerGeneration: recipient.readerGeneration,
  });
  const email = composeDigestBodies({
    appUrl: settings.appUrl,
    subscriberEmail: recipient.email,
    periodKey: opts.period,
    items,
    listed,
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
    links,
    now: opts.now,
  });
  const messageId = digestMessageId({ period: opts.period, subscriberId: recipient.subscriberId, appUrl: settings.appUrl });
  return {
    mail: { to: recipient.email, subject: email.subject, text: email.text, html: email.html, bodies: email.bodies, headers: links.headers, messageId },
    paperIds: items.map((item) => item.paper.id),
    items,
  };
}
