// The admin's digest tools: mail a test digest to any address, and preview a subscriber's next digest without sending it.
import { composeDigest, digestPeriodKey, digestSince, selectDigest, type TDigestEmail, type TDigestItem } from "@/core/digest";
import { rankPapers } from "@/core/ranking";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { Mailer } from "../mail/mailer";
import { findSubscriberByEmail } from "../repo/admin-subscribers";
import { recordAudit } from "../repo/audit-log";
import { paperSelect, rowToPaper } from "../repo/paper-record";
import { subscriberLinks } from "../subscriptions/subscription-links";

export type TDigestPreview = TDigestEmail & { to: string; periodKey: string; items: TDigestItem[] };

type TLinkConfig = { appUrl: string; secret: string };

async function visiblePapersSince(db: Db, since: string | null, take: number) {
  const rows = await db.paper.findMany({
    where: { hidden: false, ...(since ? { listedOn: { gte: new Date(since) } } : {}) },
    orderBy: [{ listedOn: "desc" }, { upvotes: "desc" }],
    take,
    select: paperSelect,
  });
  return rows.map(rowToPaper);
}

/** A subscriber's next digest as the digest mailer would choose it now: new since their last one, matching their interests, never sent before. */
export async function previewSubscriberDigest(opts: { db: Db; email: string; now: Date } & TLinkConfig): Promise<TDigestPreview> {
  const subscriber = await findSubscriberByEmail({ db: opts.db, email: opts.email });
  if (!subscriber) throw new AppError("NOT_FOUND", `no subscriber ${opts.email}`, { userMessage: `No subscriber has the address ${opts.email}.` });
  const papers = await visiblePapersSince(opts.db, digestSince(subscriber, opts.now), 2000);
  const sent = await opts.db.sentPaper.findMany({ where: { subscriberId: subscriber.id }, select: { paperId: true } });
  const { items } = selectDigest({ now: opts.now, subscriber, papers, alreadySent: new Set(sent.map((s) => s.paperId)) });
  const periodKey = digestPeriodKey(subscriber.frequency, opts.now);
  const links = subscriberLinks({ appUrl: opts.appUrl, secret: opts.secret, subscriberId: subscriber.id, now: opts.now });
  const email = composeDigest({
    appUrl: opts.appUrl,
    subscriberEmail: subscriber.email,
    periodKey,
    items,
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
    now: opts.now,
  });
  return { ...email, to: subscriber.email, periodKey, items };
}

/**
 * Mails the current top papers to `to`, whatever their listing day, so a test digest is never empty on a quiet day.
 * Hidden papers are left out, as in every digest.
 */
export async function sendTestDigest(
  opts: { db: Db; mailer: Mailer; actor: string; to: string; now: Date } & TLinkConfig,
): Promise<{ messageId: string; subject: string; papers: number }> {
  const papers = rankPapers(await visiblePapersSince(opts.db, null, 200), opts.now).slice(0, 10);
  if (papers.length === 0)
    throw new AppError("CONFLICT", "no papers for a test digest", { userMessage: "There are no visible papers yet: ingest a listing first." });
  const items = papers.map((paper) => ({ paper, why: "Test digest: current top papers", score: paper.trendingScore ?? 0 }));
  const manageUrl = `${opts.appUrl}/subscribe`;
  const email = composeDigest({
    appUrl: opts.appUrl,
    subscriberEmail: opts.to,
    periodKey: digestPeriodKey("daily", opts.now),
    items,
    manageUrl,
    unsubscribeUrl: manageUrl,
    now: opts.now,
  });
  const subject = `[test] ${email.subject}`;
  const sent = await opts.mailer.send({ to: opts.to, subject, text: email.text, html: email.html });
  await recordAudit({
    db: opts.db,
    actor: opts.actor,
    action: "digest.test",
    params: { to: opts.to, messageId: sent.messageId, papers: items.length },
    now: opts.now,
  });
  return { messageId: sent.messageId, subject, papers: items.length };
}
