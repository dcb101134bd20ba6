// Turns a subscriber and the period's candidate papers into the digest mail (or null when nothing new matches).
import { composeDigestBodies, selectDigest, type TDigestFrequency } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import type { TOutgoingMail } from "../mail/mailer";
import { subscriberLinks } from "../subscriptions/subscription-links";
import { digestMessageId } from "./digest-message-id";
import type { TDigestSettings } from "./digest-settings";

export type TDigestRecipient = {
  subscriberId: number;
  email: string;
  frequency: TDigestFrequency;
  keywords: string[];
  categories: string[];
  onlyWithCode: boolean;
  minUpvotes: number;
  lastDigestAt: Date | null;
  sentPaperIds: number[];
};

export type TDigestMail = { mail: TOutgoingMail & { messageId: string }; paperIds: number[]; titles: string[] };

/** `papers` must be in rankPapers order for this `now` (as loadDigestPapers returns them). */
export function buildDigestMail(opts: {
  settings: TDigestSettings;
  recipient: TDigestRecipient;
  period: string;
  papers: readonly TPaper[];
  now: Date;
}): TDigestMail | null {
  const { recipient, settings } = opts;
  const { items } = selectDigest({
    now: opts.now,
    subscriber: recipient,
    papers: opts.papers,
    ranked: true,
    alreadySent: new Set(recipient.sentPaperIds),
    limit: settings.limit,
  });
  if (items.length === 0) return null;
  const links = subscriberLinks({ appUrl: settings.appUrl, secret: settings.appSecret, subscriberId: recipient.subscriberId, now: opts.now });
  const email = composeDigestBodies({
    appUrl: settings.appUrl,
    subscriberEmail: recipient.email,
    periodKey: opts.period,
    items,
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
    now: opts.now,
  });
  const messageId = digestMessageId({ period: opts.period, subscriberId: recipient.subscriberId, appUrl: settings.appUrl });
  return {
    mail: { to: recipient.email, subject: email.subject, text: email.text, html: email.html, bodies: email.bodies, headers: links.headers, messageId },
    paperIds: items.map((item) => item.paper.id),
    titles: items.map((item) => item.paper.title),
  };
}
