// The submit button and live status line shared by the subscription forms.
import type { TFormState } from "@/server/subscriptions/form-state";

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-lg bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

export function FormStatus({ state }: { state: TFormState }) {
  return (
    <div role="status" aria-live="polite">
      {state.status === "ok" && <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{state.message}</p>}
      {state.status === "error" && <p className="rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">{state.message}</p>}
    </div>
  );
}
