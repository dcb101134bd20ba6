// The subscribe page's body: the pitch, the form and beside it the digest these interests would have produced last week.
import type { TFormState } from "@/server/subscriptions/form-state";
import type { TWeekPreview } from "@/server/digest/preview-digest";
import type { TSubscribePageProps } from "@/server/subscriptions/subscribe-page-props";
import { PageHead } from "./page-head";
import { SubscribeForm } from "./subscribe-form";
import { NEW_INTERESTS, type TInterestDefaults } from "./subscribe-interest-fields";

/** The zero-JS Pages Router page (src/pages/subscribe): its head, and the form showing the interests it was rendered for. */
export function SubscribeDocument({ appUrl, interests, state, preview }: TSubscribePageProps) {
  return (
    <>
      <PageHead title="Subscribe" path="/subscribe" appUrl={appUrl} />
      <SubscribePage state={state} defaults={{ ...NEW_INTERESTS, ...interests }} preview={preview} />
    </>
  );
}

export function SubscribePage(props: { state: TFormState; defaults: TInterestDefaults; preview: TWeekPreview; deleted?: boolean }) {
  return (
    <div className="space-y-6">
      {props.deleted && (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          All your data was deleted. We keep only a one-way hash of the address so it is never mailed again: the form below sends that address nothing, so
          subscribe with another one if you want digests again.
        </p>
      )}
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
