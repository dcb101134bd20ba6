// Digests that are looked at rather than sent: the admin's preview of a subscriber's next digest, the test digest,
// the subscribe page's "your digest last week", and a subscriber's private feed. Each is the real selection and the real mail, run without the ledger.
import { digestPeriodKey, formatListingDays, paperPath } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import { addDays, startOfUtcDay, todayUtc } from "@/core/periods";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { Mailer } from "../mail/mailer";
import { recordAudit } from "../repo/audit-log";
import { findPeriodDelivery } from "../repo/deliveries";
import { findDigestRecipient, type TDigestRecipient } from "../repo/digest-recipients";
import { findLatestListingDay } from "../repo/paper-periods";
import { buildDigestMail, chooseDigest, type TDigestMail } from "./build-digest-mail";
import type { TDigestSettings } from "./digest-settings";
import { loadDigestPapers, lookbackStart } from "./load-digest-papers";

/** `skipped`: why no digest would be sent, when `mail` is null, in words for the admin. */
export type TDigestPreview = { email: string; status: string; period: string; mail: TDigestMail | null; skipped: string | null };

/** A subscriber's next digest exactly as the next run would send it now (headers and Message-ID included), or null mail when it would be skipped. */
export async function previewNextDigest(opts: { db: Db; email: string; now: Date; settings: TDigestSettings }): Promise<TDigestPreview> {
  const recipient = await findDigestRecipient({ db: opts.db, email: opts.email, sentSince: lookbackStart("weekly", opts.now) });
  if (!recipient) throw new AppError("NOT_FOUND", `no subscriber ${opts.email}`, { userMessage: `No subscriber has the address ${opts.email}.` });
  const period = digestPeriodKey(recipient.frequency, opts.now);
  // A run makes one ledger row per subscriber and period and never another: with one made, this period's digest is no longer next.
  const delivery = await findPeriodDelivery({ db: opts.db, subscriberId: recipient.subscriberId, period });
  if (delivery) return { email: recipient.email, status: recipient.status, period, mail: null, skipped: alreadyHandled(period, delivery) };
  const papers = await loadDigestPapers({ db: opts.db, frequency: recipient.frequency, now: opts.now });
  const mail = buildDigestMail({ settings: opts.settings, recipient, period, papers, now: opts.now });
  return { email: recipient.email, status: recipient.status, period, mail, skipped: mail ? null : await whySkipped(opts.db, papers.length) };
}

function alreadyHandled(period: string, delivery: { status: string; sentAt: Date | null }): string {
  const sent =
    delivery.status === "sent"
      ? `was sent${delivery.sentAt ? ` at ${delivery.sentAt.toISOString().replace("T", " ").slice(0, 16)} UTC` : ""}`
      : `is ${delivery.status} in the delivery ledger`;
  return `This subscriber's digest for ${period} ${sent}; no run sends another for ${period}, and the next digest is for the next period.`;
}

/**
 * No papers in the digest's period (a feed nobody has ingested into lately, such as a fresh install's demo papers) is not the same as
 * none that suit the subscriber, and the admin needs to know which to act on.
 */
async function whySkipped(db: Db, candidates: number): Promise<string> {
  if (candidates > 0)
    return `None of the ${candidates} papers listed in the period it covers is new to this subscriber and suits their interests, so no digest would be sent.`;
  const latestDay = await findLatestListingDay({ db });
  return `No papers have been listed in the period it covers (${latestDay ? `the newest listing is from ${latestDay}` : "there are none yet"}), so no digest would be sent: ingest a listing first.`;
}

/**
 * When a week of papers ends for a preview: now, or the end of the newest listing day when the feed is older
 * than a day (a fresh install with only demo data), so a preview is never empty for lack of ingestion alone.
 */
async function previewInstant(db: Db, now: Date): Promise<Date> {
  const latestDay = await findLatestListingDay({ db });
  if (!latestDay || latestDay >= todayUtc(now)) return now;
  return new Date(startOfUtcDay(addDays(latestDay, 1)).getTime() - 1);
}

/** What a new subscriber chooses on the subscribe form; "never show" words are optional, as in a test digest to a stranger. */
type TPreviewInterests = Pick<TDigestRecipient, "keywords" | "categories" | "onlyWithCode" | "minUpvotes"> &
  Partial<Pick<TDigestRecipient, "negativeKeywords">>;

/** A new weekly subscriber with these interests, whose first digest covers the week before `at`. */
function newWeeklyRecipient(interests: TPreviewInterests, at: Date, email = "") {
  return {
    subscriberId: 0,
    email,
    frequency: "weekly" as const,
    ...interests,
    negativeKeywords: interests.negativeKeywords ?? [],
    lastDigestAt: new Date(at.getTime() - 7 * 86_400_000),
    sentPaperIds: [],
    readerGeneration: 0,
    follows: [],
    feedback: [],
    dislikedPaperIds: [],
  };
}

type TPreviewItem = { title: string; href: string; why: string; upvotes: number; listedOn: string };
/** `from` to `to`: the listing days the items come from (or, with none, the days looked at), which `label` names as the mail would. */
export type TWeekPreview = { items: TPreviewItem[]; from: string; to: string; label: string; candidates: number };
/**
 * What the subscribe page shows beside its form: the preview, or word that none could be read (a busy database; `next build`, which has
 * none), never an empty preview, which says the interests matched nothing.
 */
export type TPreviewPanel = TWeekPreview | { unavailable: true };

/** "Your digest last week": what a weekly digest with these interests would have held over the latest week of papers. */
export async function previewWeekFor(opts: { db: Db; interests: TPreviewInterests; now: Date; limit: number }): Promise<TWeekPreview> {
  const at = await previewInstant(opts.db, opts.now);
  const recipient = newWeeklyRecipient(opts.interests, at);
  const papers = await loadDigestPapers({ db: opts.db, frequency: "weekly", now: at });
  const { items, listed } = chooseDigest({ recipient, papers, now: at, limit: opts.limit });
  return {
    items: items.map(({ paper, why }) => ({ title: paper.title, href: paperPath(paper), why, upvotes: paper.upvotes, listedOn: paper.listedOn })),
    ...listed,
    label: formatListingDays(listed),
    candidates: papers.length,
  };
}

/**
 * A subscriber's private feed: their own digest selection over the last week, as if their last digest had gone out a week ago and
 * none of its papers had been sent (a feed reader keeps what it has already shown), so the feed holds what their digests hold.
 */
export async function privateFeedPapers(opts: { db: Db; email: string; now: Date; limit: number }): Promise<TPaper[]> {
  const recipient = await findDigestRecipient({ db: opts.db, email: opts.email, sentSince: opts.now });
  if (!recipient) return [];
  const papers = await loadDigestPapers({ db: opts.db, frequency: "weekly", now: opts.now });
  const asOfAWeekAgo = { ...recipient, lastDigestAt: new Date(opts.now.getTime() - 7 * 86_400_000), sentPaperIds: [] };
  return chooseDigest({ recipient: asOfAWeekAgo, papers, now: opts.now, limit: opts.limit }).items.map((item) => item.paper);
}

/**
 * Mails a test digest to any address, touching no ledger row: a subscriber's own next digest, or for any other
 * address the first digest of a new weekly subscriber without interests. It carries the real headers, and a fresh
 * Message-ID so receivers do not mistake it for the real one.
 */
export async function sendTestDigest(opts: {
  db: Db;
  mailer: Mailer;
  actor: string;
  to: string;
  now: Date;
  settings: TDigestSettings;
}): Promise<{ messageId: string; subject: string; papers: number }> {
  const subscriber = await findDigestRecipient({ db: opts.db, email: opts.to, sentSince: lookbackStart("weekly", opts.now) });
  let built: TDigestMail | null;
  if (subscriber) {
    const preview = await previewNextDigest({ db: opts.db, email: opts.to, now: opts.now, settings: opts.settings });
    built = preview.mail;
    if (!built) throw new AppError("CONFLICT", "nothing new for this subscriber", { userMessage: `${opts.to}'s next digest: ${preview.skipped}` });
  } else {
    const at = await previewInstant(opts.db, opts.now);
    const recipient = newWeeklyRecipient({ keywords: [], categories: [], onlyWithCode: false, minUpvotes: 0 }, at, opts.to);
    const papers = await loadDigestPapers({ db: opts.db, frequency: "weekly", now: at });
    built = buildDigestMail({ settings: opts.settings, recipient, period: digestPeriodKey("weekly", at), papers, now: at });
    if (!built) throw new AppError("CONFLICT", "no papers for a test digest", { userMessage: "There are no visible papers yet: ingest a listing first." });
  }
  const subject = `[test] ${built.mail.subject}`;
  const { messageId: _stable, ...mail } = built.mail;
  const sent = await opts.mailer.send({ ...mail, subject });
  await recordAudit({
    db: opts.db,
    actor: opts.actor,
    action: "digest.test",
    params: { to: opts.to, messageId: sent.messageId, papers: built.paperIds.length },
    now: opts.now,
  });
  return { messageId: sent.messageId, subject, papers: built.paperIds.length };
}
