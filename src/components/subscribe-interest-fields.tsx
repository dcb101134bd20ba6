// The preference fields the subscribe form and the manage page share: frequency and optional interests.
import type { ReactNode } from "react";
import type { TSubscriberView } from "@/server/repo/subscribers";

/** The stored preferences as the manage page shows them; a new subscriber starts from NEW_INTERESTS. */
export type TInterestDefaults = Pick<TSubscriberView, "frequency" | "keywords" | "categories" | "onlyWithCode" | "minUpvotes" | "negativeKeywords">;

export const NEW_INTERESTS: TInterestDefaults = { frequency: "weekly", keywords: [], categories: [], onlyWithCode: false, minUpvotes: 0, negativeKeywords: [] };

/** Defaults from the echoed values of a rejected submission, else `fallback`. */
export function interestDefaults(values: Record<string, string> | undefined, fallback: TInterestDefaults): TInterestDefaults {
  if (!values) return fallback;
  const list = (v: string | undefined) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const min = Number(values.minUpvotes);
  return {
    frequency: values.frequency === "daily" ? "daily" : "weekly",
    keywords: list(values.keywords),
    categories: list(values.categories),
    onlyWithCode: values.onlyWithCode === "on",
    minUpvotes: Number.isFinite(min) ? min : 0,
    negativeKeywords: list(values.negativeKeywords),
  };
}

/** A text field's look without its width; its border is 3:1 against the page in both themes, as a control's edge must be (WCAG 1.4.11). */
const fieldClass =
  "mt-1 block rounded-lg border border-slate-500 bg-white px-3 py-2 text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 aria-[invalid=true]:border-red-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100";

export const inputClass = `${fieldClass} w-full`;

/** Each field's label, by the field's name, which is also its id: the fields say them, and the subscribe page's error summary links them. */
export const FIELD_LABELS = {
  email: "Email address",
  frequency: "How often",
  keywords: "Keywords",
  categories: "arXiv categories",
  negativeKeywords: "Never show papers about",
  onlyWithCode: "Only papers with code",
  minUpvotes: "Minimum upvotes",
} as const;

export function FieldError({ id, message }: { id: string; message?: string }): ReactNode {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

/** A comma-separated list preference (keywords, categories, "never show" words), with its error announced beside it. */
function ListField(props: {
  name: "keywords" | "categories" | "negativeKeywords";
  hint: string;
  placeholder: string;
  defaults: TInterestDefaults;
  errors: Record<string, string>;
}): ReactNode {
  const { name, errors } = props;
  return (
    <div>
      <label htmlFor={name} className="text-sm font-medium">
        {FIELD_LABELS[name]} <span className="font-normal text-slate-600 dark:text-slate-400">({props.hint})</span>
      </label>
      <input
        id={name}
        name={name}
        defaultValue={props.defaults[name].join(", ")}
        placeholder={props.placeholder}
        className={inputClass}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={`${name}-error`}
      />
      <FieldError id={`${name}-error`} message={errors[name]} />
    </div>
  );
}

export function SubscribeInterestFields({ defaults, errors }: { defaults: TInterestDefaults; errors: Record<string, string> }) {
  return (
    <>
      <fieldset id="frequency">
        <legend className="text-sm font-medium">{FIELD_LABELS.frequency}</legend>
        <div className="mt-1 flex gap-6">
          {(["daily", "weekly"] as const).map((f) => (
            <label key={f} className="flex items-center gap-2">
              <input
                type="radio"
                name="frequency"
                value={f}
                defaultChecked={defaults.frequency === f}
                className="h-4 w-4 accent-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500"
              />
              {f === "daily" ? "Daily" : "Weekly"}
            </label>
          ))}
        </div>
        <FieldError id="frequency-error" message={errors.frequency} />
      </fieldset>
      <ListField name="keywords" hint="optional, comma-separated" placeholder="diffusion, LLM agents" defaults={defaults} errors={errors} />
      <ListField name="categories" hint="optional, e.g. cs.LG, cs.CV" placeholder="cs.LG, cs.CL" defaults={defaults} errors={errors} />
      <ListField name="negativeKeywords" hint="optional, comma-separated" placeholder="robotics, medical imaging" defaults={defaults} errors={errors} />
      <div className="flex flex-wrap items-end gap-6">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            id="onlyWithCode"
            name="onlyWithCode"
            defaultChecked={defaults.onlyWithCode}
            className="h-4 w-4 accent-indigo-600"
            aria-invalid={Boolean(errors.onlyWithCode)}
            aria-describedby="onlyWithCode-error"
          />
          {FIELD_LABELS.onlyWithCode}
        </label>
        <div>
          <label htmlFor="minUpvotes" className="text-sm font-medium">
            {FIELD_LABELS.minUpvotes}
          </label>
          <input
            id="minUpvotes"
            name="minUpvotes"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            defaultValue={defaults.minUpvotes}
            className={`${fieldClass} w-28`}
            aria-invalid={Boolean(errors.minUpvotes)}
            aria-describedby="minUpvotes-error"
          />
        </div>
      </div>
      <FieldError id="onlyWithCode-error" message={errors.onlyWithCode} />
      <FieldError id="minUpvotes-error" message={errors.minUpvotes} />
    </>
  );
}
