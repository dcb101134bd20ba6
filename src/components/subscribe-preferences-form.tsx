"use client";
// The manage page's preferences form: a plain POST without JavaScript, inline confirmation with it.
import { useActionState } from "react";
import { FormStatus, SubmitButton } from "./form-feedback";
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
      <SubmitButton pending={pending} label="Save preferences" pendingLabel="Saving…" />
      <FormStatus state={state} />
    </form>
  );
}
