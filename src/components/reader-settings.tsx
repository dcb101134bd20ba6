// The manage page's reader sections: every feedback press with an Undo, followed names with Remove and a form to follow one,
// the private feed URLs with "Rotate URL", and the browsers that recognise the reader. Plain forms: they work without JavaScript.
import type { ReactNode } from "react";
import type { TFeedbackEntry, TFollow } from "@/server/repo/reader-feedback";
import { inputClass } from "./subscribe-interest-fields";

type TAction = (formData: FormData) => Promise<void>;

const buttonClass =
  "rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800";

const FEED_LABELS = { rss: "RSS 2.0", atom: "Atom", json: "JSON Feed" } as const;

function TokenForm({ action, token, fields = {}, children }: { action: TAction; token: string; fields?: Record<string, string>; children: ReactNode }) {
  return (
    <form action={action} className="inline">
      <input type="hidden" name="token" value={token} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

export function FeedbackList({ feedback, token, action }: { feedback: TFeedbackEntry[]; token: string; action: TAction }) {
  if (feedback.length === 0) return <p className="text-slate-700 dark:text-slate-300">No presses yet. Use “More like this” or “Less like this” in a digest.</p>;
  return (
    <ul className="space-y-2" data-testid="feedback-list">
      {feedback.map((f) => (
        <li key={f.paperId} className="flex items-start justify-between gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <span>
            <span className="mr-2 text-sm font-medium">{f.kind === "more" ? "More like this:" : "Less like this:"}</span>
            {f.title}
          </span>
          <TokenForm action={action} token={token} fields={{ paperId: String(f.paperId) }}>
            <button type="submit" className={buttonClass} aria-label={`Undo for ${f.title}`}>
              Undo
            </button>
          </TokenForm>
        </li>
      ))}
    </ul>
  );
}

export function FollowSettings({ follows, token, follow, unfollow }: { follows: TFollow[]; token: string; follow: TAction; unfollow: TAction }) {
  return (
    <div className="space-y-3">
      {follows.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">You follow nobody yet. Papers by the authors and organizations you follow always make your digest.</p>
      ) : (
        <ul className="space-y-2" data-testid="follow-list">
          {follows.map((f) => (
            <li key={`${f.kind}:${f.key}`} className="flex items-center justify-between gap-3">
              <span>
                {f.label} <span className="text-sm text-slate-600 dark:text-slate-400">({f.kind})</span>
              </span>
              <TokenForm action={unfollow} token={token} fields={{ kind: f.kind, key: f.key }}>
                <button type="submit" className={buttonClass} aria-label={`Stop following ${f.label}`}>
                  Remove
                </button>
              </TokenForm>
            </li>
          ))}
        </ul>
      )}
      <form action={follow} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="token" value={token} />
        <div>
          <label htmlFor="follow-kind" className="text-sm font-medium">
            Follow
          </label>
          <select id="follow-kind" name="kind" className={inputClass} defaultValue="author">
            <option value="author">an author</option>
            <option value="organization">an organization</option>
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="follow-label" className="text-sm font-medium">
            Name
          </label>
          <input id="follow-label" name="label" required maxLength={200} placeholder="Ada Lovelace" className={inputClass} />
        </div>
        <button type="submit" className={buttonClass}>
          Follow
        </button>
      </form>
    </div>
  );
}

export function PrivateFeeds({ urls, token, rotate }: { urls: Record<keyof typeof FEED_LABELS, string>; token: string; rotate: TAction }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Your digest&apos;s papers in a feed reader. These addresses are private: anyone who has one can read your feed. Rotating gives new ones and the old ones
        stop working.
      </p>
      <ul className="space-y-1 text-sm" data-testid="private-feeds">
        {(Object.keys(FEED_LABELS) as (keyof typeof FEED_LABELS)[]).map((format) => (
          <li key={format}>
            <span className="font-medium">{FEED_LABELS[format]}: </span>
            <a className="link break-all" href={urls[format]} rel="nofollow">
              {urls[format]}
            </a>
          </li>
        ))}
      </ul>
      <TokenForm action={rotate} token={token}>
        <button type="submit" className={buttonClass}>
          Rotate URL
        </button>
      </TokenForm>
    </div>
  );
}

export function BrowserSettings({ token, forget, signOutOthers }: { token: string; forget: TAction; signOutOthers: TAction }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        A browser that opened a link from your digest shows you “More like this” and “Follow” buttons on the site.
      </p>
      <div className="flex flex-wrap gap-3">
        <TokenForm action={forget} token={token}>
          <button type="submit" className={buttonClass}>
            Forget this browser
          </button>
        </TokenForm>
        <TokenForm action={signOutOthers} token={token}>
          <button type="submit" className={buttonClass}>
            Sign out other browsers
          </button>
        </TokenForm>
      </div>
    </div>
  );
}
