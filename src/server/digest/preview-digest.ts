// Admin-console helpers: preview a subscriber's next digest, and send a test digest, both without touching the ledger.
import { digestPeriodKey, type TDigestFrequency } from "@/core/digest";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { Mailer } from "../mail/mailer";
import { buildDigestMail, type TDigestMail, type TDigestRecipient } from "./build-digest-mail";
import type { TDigestSettings } from "./digest-settings";
import { loadDigestPapers, lookbackStart } from "./load-digest-papers";

export type TDigestPreview = { subscriberId: number; email: string; period: string; mail: TDigestMail | null };

export async function previewNextDigest(opts: { db: Db; subscriberId: number; now: Date; settings: TDigestSettings }): Promise<TDigestPreview> {
  const subscriber = await opts.db.subscriber.findUnique({ where: { id: opts.subscriberId } });
  if (!subscriber) throw new AppError("NOT_FOUND", `No subscriber ${opts.subscriberId}.`);
  const frequency: TDigestFrequency = subscriber.frequency;
  const sent = await opts.db.sentPaper.findMany({
    where: { subscriberId: subscriber.id, sentAt: { gte: lookbackStart("weekly", opts.now) } },
    select: { paperId: true },
  });
  const recipient: TDigestRecipient = { ...subscriber, subscriberId: subscriber.id, frequency, sentPaperIds: sent.map((s) => s.paperId) };
  const period = digestPeriodKey(frequency, opts.now);
  const papers = await loadDigestPapers({ db: opts.db, frequency, now: opts.now });
  return {
    subscriberId: subscriber.id,
    email: subscriber.email,
    period,
    mail: buildDigestMail({ settings: opts.settings, recipient, period, papers, now: opts.now }),
  };
}

/** A daily digest of the current top papers to any address; no subscriber, ledger or sent-papers rows are touched. */
export async function sendTestDigest(opts: {
  db: Db;
  mailer: Mailer;
  to: string;
  now: Date;
  settings: TDigestSettings;
}): Promise<{ messageId: string; papers: number }> {
  const period = digestPeriodKey("daily", opts.now);
  const papers = await loadDigestPapers({ db: opts.db, frequency: "weekly", now: opts.now });
  const recipient: TDigestRecipient = {
    subscriberId: 0,
    email: opts.to,
    frequency: "weekly",
    keywords: [],
    categories: [],
    onlyWithCode: false,
    minUpvotes: 0,
    lastDigestAt: null,
    sentPaperIds: [],
  };
  const built = buildDigestMail({ settings: opts.settings, recipient, period, papers, now: opts.now });
  if (!built) throw new AppError("UNPROCESSABLE", "There are no recent papers to put in a test digest.");
  const { messageId } = await opts.mailer.send({ ...built.mail, subject: `[test] ${built.mail.subject}`, messageId: undefined });
  return { messageId, papers: built.paperIds.length };
}
