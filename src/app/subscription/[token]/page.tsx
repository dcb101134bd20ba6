// /subscription/<signed token>: the subscriber's own page: preferences, feedback presses, follows, private feeds, browsers, their data.
// GET only shows forms; every change is a POST.
import type { Metadata } from "next";
import { z } from "zod";
import { BrowserSettings, FeedbackList, FollowSettings, PrivateFeeds } from "@/components/reader-settings";
import { SubscribePreferencesForm } from "@/components/subscribe-preferences-form";
import { BusyView } from "@/components/busy-view";
import { LinkProblem } from "@/components/link-problem";
import { readForPage } from "@/server/http/page-read";
import { subscriptionPage } from "@/server/subscriptions/subscription-service";
import {
  deleteDataAction,
  followAction,
  forgetBrowserAction,
  pauseAction,
  resumeAction,
  rotateFeedAction,
  savePreferencesAction,
  signOutOthersAction,
  undoFeedbackAction,
  unfollowAction,
  unsubscribeAction,
} from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your subscription", robots: { index: false } };

const ZParams = z.object({ token: z.string().min(10).max(2000) });

const STATUS_TEXT = {
  pending: "Waiting for you to confirm your address. Nothing is sent until then.",
  confirmed: "Active: digests arrive on your schedule.",
  paused: "Paused: no digests until you resume.",
  bouncing: "Paused by us: mail to this address kept bouncing.",
  unsubscribed: "Unsubscribed: you get no more digests.",
} as const;

const DONE_TEXT: Record<string, string> = {
  pause: "Your digests are paused.",
  resume: "Your digests are back on.",
  unsubscribe: "You are unsubscribed. You will get no more digests.",
  "delete-unconfirmed": "Tick the box to confirm that all your data should be deleted.",
  undo: "Removed. That paper no longer steers your digest.",
  follow: "Followed. Their papers will make your digest.",
  "follow-invalid": "Type a name with letters or digits, at most 200 characters.",
  "follow-limit": "You follow as many names as there can be. Unfollow one to follow another.",
  unfollow: "No longer followed.",
  rotate: "Your private feed has new addresses. The old ones no longer work.",
  forget: "This browser no longer recognises you.",
  "sign-out-others": "Every other browser is signed out. This one still recognises you.",
  busy: "The server was too busy to do that, so nothing was changed. Try again in a moment.",
};

const buttonClass =
  "rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800";

export default async function SubscriptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = ZParams.safeParse(await params);
  // A malformed token is checked as an empty one, which no link has: the check's own "not valid" answer, in one place.
  const token = parsed.success ? parsed.data.token : "";
  const loaded = await readForPage(() => subscriptionPage(token));
  // Still busy after a busy step (?done=busy) or on any visit: the page says so with its 503 instead of Next's 500.
  if (loaded.problem?.code === "UNAVAILABLE") return <BusyView title="The server is busy" detail="Nothing was changed." />;
  if (loaded.problem) {
    return (
      <LinkProblem
        title="This subscription link does not work"
        reason={loaded.problem.userMessage}
        next={{ href: "/subscribe", label: "Go to the subscribe page" }}
      />
    );
  }
  const { subscriber, reader } = loaded.value;
  const { welcome, done } = await searchParams;
  const notice =
    welcome === "1" && subscriber.status === "confirmed"
      ? "You're subscribed! Your address is confirmed. Fine-tune what you get below."
      : typeof done === "string"
        ? DONE_TEXT[done]
        : undefined;

  return (
    <div className="mx-auto max-w-2xl space-y-8">
      {notice && (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          {notice}
        </p>
      )}
      <div>
        <h1 className="text-2xl font-bold">Your subscription</h1>
        <p className="mt-1 break-all text-slate-600 dark:text-slate-400">{subscriber.email}</p>
        <p className="mt-2" data-testid="subscription-status">
          {STATUS_TEXT[subscriber.status]}
        </p>
      </div>

      <section aria-labelledby="prefs-heading" className="space-y-4">
        <h2 id="prefs-heading" className="text-lg font-semibold">
          Preferences
        </h2>
        <SubscribePreferencesForm action={savePreferencesAction} token={token} defaults={subscriber} />
      </section>

      <section aria-labelledby="feedback-heading" className="space-y-4">
        <h2 id="feedback-heading" className="text-lg font-semibold">
          Papers you rated
        </h2>
        <FeedbackList feedback={reader.feedback} token={token} action={undoFeedbackAction} />
      </section>

      <section aria-labelledby="follows-heading" className="space-y-4">
        <h2 id="follows-heading" className="text-lg font-semibold">
          Authors and organizations you follow
        </h2>
        <FollowSettings follows={reader.follows} token={token} follow={followAction} unfollow={unfollowAction} />
      </section>

      <section aria-labelledby="feeds-heading" className="space-y-4">
        <h2 id="feeds-heading" className="text-lg font-semibold">
          Your private feed
        </h2>
        <PrivateFeeds urls={reader.feedUrls} token={token} rotate={rotateFeedAction} />
      </section>

      <section aria-labelledby="browsers-heading" className="space-y-4">
        <h2 id="browsers-heading" className="text-lg font-semibold">
          Browsers
        </h2>
        <BrowserSettings token={token} forget={forgetBrowserAction} signOutOthers={signOutOthersAction} />
      </section>

      <section aria-labelledby="data-heading" className="space-y-2">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p>
          <a className="link" href={`/subscription/${token}/data.json`} download="paper-digest-data.json">
            Download my data
          </a>{" "}
          <span className="text-sm text-slate-700 dark:text-slate-300">(JSON: your subscription, interests, follows and rated papers)</span>
        </p>
      </section>

      <section aria-labelledby="leave-heading" className="space-y-4">
        <h2 id="leave-heading" className="text-lg font-semibold">
          Pause or leave
        </h2>
        <div className="flex flex-wrap gap-3">
          {subscriber.status === "confirmed" && (
            <form action={pauseAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={buttonClass}>
                Pause digests
              </button>
            </form>
          )}
          {(subscriber.status === "paused" || subscriber.status === "unsubscribed") && (
            <form action={resumeAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={buttonClass}>
                {subscriber.status === "paused" ? "Resume digests" : "Subscribe again"}
              </button>
            </form>
          )}
          {subscriber.status !== "unsubscribed" && (
            <form action={unsubscribeAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={buttonClass}>
                Unsubscribe
              </button>
            </form>
          )}
        </div>
        <form action={deleteDataAction} className="space-y-3 rounded-xl border border-red-200 p-4 dark:border-red-900">
          <input type="hidden" name="token" value={token} />
          <p className="text-sm">Deleting removes your address and preferences for good. We keep only a one-way hash so the address is never mailed again.</p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" className="h-4 w-4 accent-red-600" />
            Yes, delete all my data
          </label>
          <button
            type="submit"
            className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-500"
          >
            Delete all my data
          </button>
        </form>
      </section>
    </div>
  );
}
