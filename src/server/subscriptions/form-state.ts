// Turns a server function's outcome into the state a form shows inline (useActionState), never a 5xx page.
import { ZodError } from "zod";
import { isAppError } from "../errors/app-error";
import { logger } from "../logger";

export type TFormState = { status: "idle" | "ok" | "error"; message: string; fieldErrors: Record<string, string> };

export const IDLE_FORM: TFormState = { status: "idle", message: "", fieldErrors: {} };

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
  if (isAppError(err)) return { status: "error", message: err.userMessage, fieldErrors: {} };
  logger.error({ err }, "unexpected error in a subscription form");
  return { status: "error", message: "Something went wrong on our side. Please try again.", fieldErrors: {} };
}
