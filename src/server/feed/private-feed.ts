// A subscriber's private feeds (/feeds/<token>/feed.xml, atom.xml, feed.json): their own digest selection in the public feeds'
// formats. The token carries feedGeneration, so "Rotate URL" (a bump) makes every old URL answer 410; never cached, never indexed.
import type { Db } from "../db";
import { privateFeedPapers } from "../digest/preview-digest";
import { AppError } from "../errors/app-error";
import { getGenerations } from "../repo/reader-feedback";
import { getSubscriber } from "../repo/subscribers";
import { signSubscriberToken, verifySubscriberToken } from "../subscriptions/subscription-links";
import type { TFeedFormat } from "./render-feeds";
import { FEED_PATHS, feedResponse } from "./serve-feed";

const FEED_SIZE = 30;
/**
 * Revocation is by feedGeneration, not expiry: the token is signed as of the epoch with a century's life, so one generation has one
 * stable URL that a feed reader keeps and the manage page shows the same every time.
 */
const SIGNED_AT = new Date(0);
const FEED_TOKEN_TTL_MS = 100 * 365 * 24 * 60 * 60 * 1000;

export function privateFeedUrls(opts: { appUrl: string; secret: string; subscriberId: number; feedGeneration: number }): Record<TFeedFormat, string> {
  const token = signSubscriberToken({ ...opts, purpose: "feed", generation: opts.feedGeneration, now: SIGNED_AT, ttlMs: FEED_TOKEN_TTL_MS });
  const url = (format: TFeedFormat) => `${opts.appUrl}/feeds/${token}/${FEED_PATHS[format]}`;
  return { rss: url("rss"), atom: url("atom"), json: url("json") };
}

export async function servePrivateFeed(opts: { db: Db; secret: string; appUrl: string; token: string; format: TFeedFormat; now: Date }): Promise<Response> {
  const check = verifySubscriberToken({ secret: opts.secret, purpose: "feed", token: opts.token, now: opts.now });
  if (!check.ok) throw new AppError(check.reason === "expired" ? "GONE" : "NOT_FOUND", "This feed URL is not valid.");
  const [subscriber, generations] = await Promise.all([
    getSubscriber({ db: opts.db, id: check.subscriberId }),
    getGenerations({ db: opts.db, subscriberId: check.subscriberId }),
  ]);
  if (!subscriber || !generations) throw new AppError("NOT_FOUND", "There is no subscription for this feed any more.");
  if (generations.feedGeneration !== check.generation) throw new AppError("GONE", "This feed URL was replaced. Copy the new one from your subscription page.");
  const papers = await privateFeedPapers({ db: opts.db, email: subscriber.email, now: opts.now, limit: FEED_SIZE });
  const feedUrl = privateFeedUrls({ ...opts, subscriberId: subscriber.id, feedGeneration: generations.feedGeneration })[opts.format];
  return feedResponse({
    format: opts.format,
    meta: { title: "paper-digest: your digest", description: "The papers your digest picks for you", homeUrl: opts.appUrl, feedUrl },
    papers,
    appUrl: opts.appUrl,
    headers: { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" },
  });
}
