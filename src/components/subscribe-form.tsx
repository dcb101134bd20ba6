"use client";
// The subscribe form: works as a plain POST without JavaScript; with it, errors show inline and the preview follows the interests.
import { useActionState, useEffect, useRef, useState } from "react";
import { FormStatus, SubmitButton } from "./form-feedback";
import type { TFormState } from "@/server/subscriptions/form-state";
import type { TWeekPreview } from "@/server/digest/preview-digest";
import { FieldError, inputClass, interestDefaults, NEW_INTERESTS, SubscribeInterestFields } from "./subscribe-interest-fields";
import { SubscribePreview } from "./subscribe-preview";

type TAction = (state: TFormState, formData: FormData) => Promise<TFormState>;

const IDLE: TFormState = { status: "idle", message: "", fieldErrors: {} };

function previewQuery(form: HTMLFormElement): string {
  const data = new FormData(form);
  const params = new URLSearchParams();
  params.set("keywords", String(data.get("keywords") ?? ""));
  params.set("never", String(data.get("negativeKeywords") ?? ""));
  params.set("cat", String(data.get("categories") ?? ""));
  if (data.get("onlyWithCode")) params.set("code", "1");
  params.set("min", String(data.get("minUpvotes") ?? ""));
  return params.toString();
}

export function SubscribeForm({ action, initialPreview }: { action: TAction; initialPreview: TWeekPreview }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [preview, setPreview] = useState(initialPreview);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastQuery = useRef("");

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const query = previewQuery(form);
      if (query === lastQuery.current) return;
      lastQuery.current = query;
      setLoading(true);
      try {
        const res = await fetch(`/api/subscribe/preview?${query}`);
        if (res.ok && query === lastQuery.current) setPreview((await res.json()) as TWeekPreview);
      } finally {
        setLoading(false);
      }
    }, 350);
  }

  const errors = state.fieldErrors;
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form action={formAction} onChange={onChange} className="space-y-5" noValidate>
        <div>
          <label htmlFor="email" className="text-sm font-medium">
            Email address
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
        <SubscribeInterestFields defaults={interestDefaults(state.status === "error" ? state.values : undefined, NEW_INTERESTS)} errors={errors} />
        <SubmitButton pending={pending} label="Subscribe" pendingLabel="Subscribing…" />
        <FormStatus state={state} />
      </form>
      <SubscribePreview preview={preview} loading={loading} />
    </div>
  );
}
