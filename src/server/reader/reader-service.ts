// What a reader can ask and do, bound to the process's database, config and clock: from the feed's pages (/api/reader) see their
// presses and follows for the papers on a page, press "more/less like this", follow or unfollow a name (each change a same-origin
// JSON POST carrying the reader cookie); and from a digest's feedback link, see and press its one button.
import { nameKey } from "@/core/text/name-key";
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError, rateLimitedError } from "../errors/app-error";
import { MAX_PUBLIC_BODY_BYTES } from "../http/body-limits";
import { isSameOrigin } from "../http/form-post-guard";
import { readBody, readJsonBody } from "../http/read-body";
import { hitRateLimit } from "../repo/rate-limits";
import {
  addFollow,
  listFeedbackOn,
  listFollows,
  recordFeedback,
  removeFeedback,
  removeFollow,
  type TFeedbackKind,
  type TFollow,
} from "../repo/reader-feedback";
import { cookieFromHeader, READER_COOKIE } from "./reader-cookie";
import { pressFeedbackLink, viewFeedbackLink } from "./feedback-link";
import { ZFeedbackPress, ZFollowPress, ZReaderQuery } from "./reader-input";
import { recogniseReader } from "./recognise-reader";

export type TReaderState = { feedback: Record<number, TFeedbackKind>; follows: Pick<TFollow, "kind" | "key">[] };

/**
 * Presses and follows per reader a minute: far more than a person clicks, few enough that one cookie cannot queue thousands of writes
 * (1,000 follows at once held every pool connection waiting on the subscriber's row, and most failed as 500s).
 */
const READER_CHANGE_LIMIT = { limit: 60, windowMs: 60_000 };

const readerOf = (request: Request) =>
  recogniseReader({ db: getDb(), secret: getConfig().APP_SECRET, cookie: cookieFromHeader(request.headers.get("cookie"), READER_COOKIE), now: new Date() });

/** The reader's state for the papers of `?papers=1,2,3`; null for anyone the cookie does not (or no longer) recognise. */
export async function loadReaderState(request: Request): Promise<TReaderState | null> {
  const { papers } = ZReaderQuery.parse({ papers: new URL(request.url).searchParams.get("papers") ?? undefined });
  const subscriberId = await readerOf(request);
  if (subscriberId === null) return null;
  const db = getDb();
  const [feedback, follows] = await Promise.all([listFeedbackOn({ db, subscriberId, paperIds: papers }), listFollows({ db, subscriberId })]);
  return { feedback, follows: follows.map(({ kind, key }) => ({ kind, key })) };
}

/**
 * The reader behind a state-changing request, its body read first (capped: an oversized one is a 413, one not declared as JSON a 415,
 * whoever sends it). JSON only (a cross-site page cannot send it without a preflight, which we never answer), from this site's own pages (Origin must be present and ours), with a cookie that still recognises them.
 */
async function readerChange(request: Request, hint: string): Promise<{ subscriberId: number; body: unknown }> {
  const body = await readJsonBody(request, MAX_PUBLIC_BODY_BYTES, hint);
  if (request.headers.get("origin") === null || !isSameOrigin(request.headers)) throw new AppError("FORBIDDEN", "Only this site's own pages can do that.");
  const subscriberId = await readerOf(request);
  if (subscriberId === null)
    throw new AppError("UNAUTHORIZED", "reader not recognised", { userMessage: "Open a link from your digest to use this in this browser." });
  const now = new Date();
  const hit = await hitRateLimit({ db: getDb(), key: `reader:${subscriberId}`, ...READER_CHANGE_LIMIT, now });
  if (!hit.allowed) {
    throw rateLimitedError({
      message: `reader ${subscriberId} pressed too often`,
      userMessage: "Too many presses in a row. Wait a minute, then try again.",
      resetAt: hit.resetAt,
      now,
    });
  }
  return { subscriberId, body };
}

export async function pressFeedback(request: Request): Promise<{ paperId: number; kind: TFeedbackKind | "none" }> {
  const { subscriberId, body } = await readerChange(request, 'e.g. {"paperId":12,"kind":"more"}');
  const { paperId, kind } = ZFeedbackPress.parse(body);
  const db = getDb();
  if (kind === "none") await removeFeedback({ db, subscriberId, paperId });
  else if (!(await recordFeedback({ db, subscriberId, paperId, kind, now: new Date() }))) throw new AppError("NOT_FOUND", `no paper ${paperId}`);
  return { paperId, kind };
}

export async function pressFollow(request: Request): Promise<{ kind: TFollow["kind"]; key: string; follow: boolean }> {
  const { subscriberId, body } = await readerChange(request, 'e.g. {"kind":"author","label":"Ada Lovelace","follow":true}');
  const { kind, label, follow } = ZFollowPress.parse(body);
  const key = nameKey(label);
  const db = getDb();
  if (follow) await addFollow({ db, subscriberId, follow: { kind, key, label } });
  else await removeFollow({ db, subscriberId, kind, key });
  return { kind, key, follow };
}

const feedbackLinkDeps = (token: string, url: string) => ({
  db: getDb(),
  secret: getConfig().APP_SECRET,
  appUrl: getConfig().APP_URL,
  now: new Date(),
  token,
  params: new URL(url).searchParams,
});

export const viewFeedbackFromLink = (token: string, url: string) => viewFeedbackLink(feedbackLinkDeps(token, url));

/** The feedback page's POST: a form from this site's own page (or a client that sends no Origin, which has no cookies to abuse). */
export async function pressFeedbackFromLink(token: string, request: Request) {
  if (!isSameOrigin(request.headers)) throw new AppError("FORBIDDEN", "Forms are accepted only from this site's own pages.");
  await readBody(request, MAX_PUBLIC_BODY_BYTES);
  return pressFeedbackLink(feedbackLinkDeps(token, request.url));
}
