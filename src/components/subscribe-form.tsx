// The subscribe form: a plain POST that needs no JavaScript (its outcome comes back atop the page it answers with); the site script refreshes
// the preview beside it from the cached preview page of the interests typed so far.
import { SubmitButton } from "./form-feedback";
import type { TFormState } from "@/server/subscriptions/form-state";
import type { TPreviewPanel } from "@/server/digest/preview-digest";
import { FIELD_LABELS, FieldError, inputClass, interestDefaults, SubscribeInterestFields, type TInterestDefaults } from "./subscribe-interest-fields";
import { SubscribePreview } from "./subscribe-preview";

/** Where the form posts (src/pages/subscribe/submit.tsx). */
const SUBMIT_PATH = "/subscribe/submit";

export function SubscribeForm({ state, defaults, preview }: { state: TFormState; defaults: TInterestDefaults; preview: TPreviewPanel }) {
  const errors = state.fieldErrors;
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form method="post" action={SUBMIT_PATH} className="space-y-5" noValidate data-subscribe-preview="/subscribe">
        <div>
          <label htmlFor="email" className="text-sm font-medium">
            {FIELD_LABELS.email}
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.status === "error" ? (state.values?.email ?? "") : ""}
            className={inputClass}
            aria-invalid={Boolean(errors.email)}
            aria-describedby="email-error"
          />
          <FieldError id="email-error" message={errors.email} />
        </div>
        <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
          <label htmlFor="website">Website (leave empty)</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <SubscribeInterestFields defaults={interestDefaults(state.status === "error" ? state.values : undefined, defaults)} errors={errors} />
        <SubmitButton pending={false} label="Subscribe" pendingLabel="Subscribing…" />
      </form>
      <SubscribePreview preview={preview} />
    </div>
  );
}
