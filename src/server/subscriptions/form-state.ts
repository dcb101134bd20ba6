// Turns a server function's outcome into the state a form shows inline (useActionState), never a 5xx page.
import { ZodError } from "zod";
import { queryValues } from "@/core/query-values";
import { knownError } from "../errors/known-error";
import { logger } from "../logger";

/** `values` echoes what was typed, so a rejected form keeps its input after React resets it. */
export type TFormState = { status: "idle" | "ok" | "error"; message: string; fieldErrors: Record<string, string>; values?: Record<string, string> };

/** The text fields of a submitted form, for `values`: each key's first value, as the form was read. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(queryValues(formData)))
    if (typeof value === "string" && !key.startsWith("$") && key !== "token" && key !== "website") out[key] = value;
  return out;
}

/** A form not yet submitted. */
export const IDLE_STATE: TFormState = { status: "idle", message: "", fieldErrors: {} };

export function okState(message: string): TFormState {
  return { status: "ok", message, fieldErrors: {} };
}

export function errorState(err: unknown): TFormState {
  if (err instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of err.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= issue.message;
    }
    return { status: "error", message: "Please fix the highlighted fields.", fieldErrors };
  }
  const known = knownError(err);
  if (known) return { status: "error", message: known.userMessage, fieldErrors: {} };
  logger.error({ err }, "unexpected error in a subscription form");
  return { status: "error", message: "Something went wrong on our side. Please try again.", fieldErrors: {} };
}
