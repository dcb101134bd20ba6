"use client";
// The manage page's preferences form: a plain POST without JavaScript, inline confirmation with it.
import { useActionState } from "react";
import type { TFormState } from "@/server/subscriptions/form-state";
import { interestDefaults, SubscribeInterestFields, type TInterestDefaults } from "./subscribe-interest-fields";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

const IDLE: TFormState = { status: "idle", message: "", fieldErrors: {} };

export function SubscribePreferencesForm({ action, token, defaults }: { action: TAction; token: string; defaults: TInterestDefaults }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form key={JSON.stringify(defaults)} action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <SubscribeInterestFields defaults={interestDefaults(state.status === "error" ? state.values : undefined, defaults)} errors={state.fieldErrors} />
      <button type="submit" disabled={pending} className="rounded-lg bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60">
        {pending ? "Saving…" : "Save preferences"}
      </button>
      <div role="status" aria-live="polite">
        {state.status === "ok" && <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{state.message}</p>}
        {state.status === "error" && <p className="rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">{state.message}</p>}
      </div>
    </form>
  );
}
