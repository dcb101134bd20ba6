// Subscription operations bound to the process's database, mailer, config and clock, for pages, actions and routes.
import { unstable_cache } from "next/cache";
import { getConfig } from "../config";
import { FEED_REVALIDATE_SECONDS, PAPERS_TAG } from "../feed/cache-tags";
import { getDb } from "../db";
import { getMailer } from "../mail/get-mailer";
import { checkConfirmToken, confirmSubscription } from "./confirm-subscription";
import { deleteSubscriberData, loadManagedSubscriber, pauseSubscription, resumeSubscription, unsubscribe, updatePreferences } from "./manage-subscription";
import { previewWeekFor } from "../digest/preview-digest";
import { servePrivateFeed } from "../feed/private-feed";
import { clearedReaderCookies } from "../reader/reader-cookie";
import { exportSubscriberData, followName, loadReaderOverview, rotateFeedUrl, signOutOtherBrowsers, undoFeedback, unfollowName } from "./manage-reader";
import type { TFeedFormat } from "../feed/render-feeds";
import { subscribe } from "./subscribe";
import { ZInterests } from "./subscription-input";
import type { TLinkPurpose } from "./subscription-links";

const secret = () => getConfig().APP_SECRET;
const PREVIEW_SIZE = 8;
const manageDeps = (token: string, purpose: TLinkPurpose = "manage") => ({ db: getDb(), secret: secret(), token, now: new Date(), purpose });
const readerDeps = (token: string) => ({ ...manageDeps(token), appUrl: getConfig().APP_URL });

export const submitSubscription = (input: unknown, ip: string) =>
  subscribe({ db: getDb(), mailer: getMailer(), appUrl: getConfig().APP_URL, secret: secret(), now: new Date(), input, ip });
/** One selection per set of interests until the feed changes: typing in the form asks again and again, and visitors share a page. */
const cachedWeekPreview = unstable_cache(
  (interests: TPreviewInterests) => previewWeekFor({ db: getDb(), interests, now: new Date(), limit: PREVIEW_SIZE }),
  ["subscribe:preview"],
  { tags: [PAPERS_TAG], revalidate: FEED_REVALIDATE_SECONDS },
);
type TPreviewInterests = Parameters<typeof previewWeekFor>[0]["interests"];

/** "Your digest last week" for the interests typed so far (ZInterests, normalised, so equal interests share a cache entry; a bad value is a 400 naming the field). */
export const loadDigestPreview = (interests: unknown) => {
  const { keywords, negativeKeywords, categories, onlyWithCode, minUpvotes } = ZInterests.parse(interests);
  return cachedWeekPreview({ keywords, negativeKeywords, categories, onlyWithCode, minUpvotes });
};
export const checkConfirmLink = (token: string) => checkConfirmToken({ db: getDb(), token, now: new Date() });
export const confirmWithToken = (token: string) => confirmSubscription({ db: getDb(), secret: secret(), token, now: new Date() });
export const loadSubscription = (token: string, purpose: TLinkPurpose = "manage") => loadManagedSubscriber(manageDeps(token, purpose));
export const savePreferences = (token: string, input: unknown) => updatePreferences({ ...manageDeps(token), input });
export const pauseWithToken = (token: string) => pauseSubscription(manageDeps(token));
export const resumeWithToken = (token: string) => resumeSubscription(manageDeps(token));
export const unsubscribeWithToken = (token: string, purpose: TLinkPurpose) => unsubscribe(manageDeps(token, purpose));
export const eraseWithToken = (token: string) => deleteSubscriberData(manageDeps(token));
export const privateFeed = (token: string, format: TFeedFormat) =>
  servePrivateFeed({ db: getDb(), secret: secret(), appUrl: getConfig().APP_URL, token, format, now: new Date() });
export const readerOverview = (token: string) => loadReaderOverview(readerDeps(token));
/** What the manage page shows: the subscription, then the reader's rated papers, follows and feeds (both read for the one answer). */
export const subscriptionPage = async (token: string) => ({ subscriber: await loadSubscription(token), reader: await readerOverview(token) });
export const undoFeedbackWithToken = (token: string, paperId: unknown) => undoFeedback({ ...manageDeps(token), paperId });
export const followWithToken = (token: string, input: unknown) => followName({ ...manageDeps(token), input });
export const unfollowWithToken = (token: string, input: unknown) => unfollowName({ ...manageDeps(token), input });
export const rotateFeedWithToken = (token: string) => rotateFeedUrl(manageDeps(token));
export const signOutOthersWithToken = (token: string) => signOutOtherBrowsers(readerDeps(token));
export const exportWithToken = (token: string) => exportSubscriberData(manageDeps(token));
/** The cookies that make this browser forget the reader (no server state changes: other browsers stay recognised). */
export const forgottenReaderCookies = () => clearedReaderCookies(getConfig().APP_URL);
