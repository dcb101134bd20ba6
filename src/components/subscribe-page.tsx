// The subscribe page's body: the pitch, the form and beside it the digest these interests would have produced last week.
import type { TFormState } from "@/server/subscriptions/form-state";
import type { TPreviewPanel } from "@/server/digest/preview-digest";
import type { TSubscribePageProps } from "@/server/subscriptions/subscribe-page-props";
import { PageHead } from "./page-head";
import { SubscribeForm } from "./subscribe-form";
import { FIELD_LABELS, NEW_INTERESTS, type TInterestDefaults } from "./subscribe-interest-fields";

/** The tab's title says the outcome first: it is what a screen reader reads of the new page, and what a tab shows. */
const TITLES: Record<TFormState["status"], string> = { idle: "Subscribe", ok: "Check your inbox", error: "Error: Subscribe" };

/**
 * The zero-JS Pages Router pages (src/pages/subscribe): the head, and the form showing the interests it was rendered for; `deleted`, the
 * page "delete all my data" lands on, says so above the form and is kept out of search engines.
 */
export function SubscribeDocument({ appUrl, interests, state, preview, deleted = false }: TSubscribePageProps & { deleted?: boolean }) {
  return (
    <>
      <PageHead title={deleted ? "Your data was deleted" : TITLES[state.status]} path="/subscribe" appUrl={appUrl} noindex={deleted} />
      <SubscribePage state={state} defaults={{ ...NEW_INTERESTS, ...interests }} preview={preview} deleted={deleted} />
    </>
  );
}

function SubscribePage(props: { state: TFormState; defaults: TInterestDefaults; preview: TPreviewPanel; deleted?: boolean }) {
  return (
    <div className="space-y-6">
      {props.deleted && (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          All your data was deleted. We keep only a one-way hash of the address so it is never mailed again: the form below sends that address nothing, so
          subscribe with another one if you want digests again.
        </p>
      )}
      <SubmitOutcome state={props.state} />
      <div>
        <h1 className="text-2xl font-bold">Get trending papers in your inbox</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          A short digest of the best new ML papers, daily or weekly. We confirm your address first, and every mail has a one-click unsubscribe.
        </p>
      </div>
      <SubscribeForm state={props.state} defaults={props.defaults} preview={props.preview} />
    </div>
  );
}

const outcomeFocus = "focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500";

/**
 * A submitted form's outcome at the top of the page that answers it, focused as the page loads (`autofocus`, since the page has no
 * script): the answer is a new page, where a live region already filled is never announced, and below the form it was out of sight
 * on a phone. A rejected form lists each field's error as a link to the field.
 */
function SubmitOutcome({ state }: { state: TFormState }) {
  if (state.status === "ok") {
    return (
      <p
        role="status"
        tabIndex={-1}
        autoFocus
        data-testid="submit-outcome"
        className={`rounded-lg border border-emerald-600 bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100 ${outcomeFocus}`}
      >
        {state.message}
      </p>
    );
  }
  if (state.status !== "error") return null;
  const fields = Object.entries(state.fieldErrors).filter((entry): entry is [keyof typeof FIELD_LABELS, string] => entry[0] in FIELD_LABELS);
  return (
    <div
      role="alert"
      tabIndex={-1}
      autoFocus
      data-testid="submit-outcome"
      className={`rounded-lg border border-red-600 bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100 ${outcomeFocus}`}
    >
      <p className="font-semibold">{state.message}</p>
      {fields.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([field, message]) => (
            <li key={field}>
              <a href={`#${field}`} className="underline">
                {FIELD_LABELS[field]}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
