// One shape for every admin server action: check the session, parse the form with zod, run one function, then redirect back with a
// signed notice or error (action-message.ts), or where the function says (sign-out's sign-in page).
import { redirect, unstable_rethrow } from "next/navigation";
import { z, ZodError } from "zod";
import { requireAdminPage } from "../auth/admin-page";
import { zodMessage } from "../errors/describe-error";
import { knownError } from "../errors/known-error";
import { requireFormData } from "../http/action-form";
import { logger } from "../logger";
import { withActionMessage } from "./action-message";

/** `notice`: the outcome, signed into `back`'s query; without one, `back` is where to go as it is (the sign-in page's own `?m=` codes). */
export type TFormActionResult = { notice?: string; back?: string };

/** The form's text fields, trimmed; Next's own `$ACTION_…` fields and file parts are not the admin's input. */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) fields[key] = value.trim();
  return fields;
}

/**
 * Anonymous callers are sent to /admin/login before the form is read. Bad input, AppErrors and a database too busy to answer (the
 * session's own check included) come back to `back` as ?error=, so nothing is written and the admin sees why.
 */
export async function runFormAction<S extends z.ZodType>(opts: {
  formData: FormData;
  schema: S;
  back: string;
  run: (input: z.infer<S>, actor: string) => Promise<TFormActionResult>;
}): Promise<never> {
  let target: string;
  try {
    const actor = await requireAdminPage();
    const input = opts.schema.parse(formFields(requireFormData(opts.formData)));
    const result = await opts.run(input, actor);
    const back = result.back ?? opts.back;
    target = result.notice === undefined ? back : withActionMessage(back, "notice", result.notice);
  } catch (err) {
    // The sign-in page's redirect and a form that is not one (a 404) are Next's answers, not failures.
    unstable_rethrow(err);
    target = withActionMessage(opts.back, "error", failureMessage(err));
  }
  redirect(target);
}

/** What the admin reads of a failed action: what is wrong with the form, an AppError's words (a busy database's too), or where to look. */
function failureMessage(err: unknown): string {
  if (err instanceof ZodError) return zodMessage(err);
  const known = knownError(err);
  if (known && known.code !== "INTERNAL") return known.userMessage;
  logger.error({ err }, "admin action failed");
  return "Something went wrong on our side; see the server log.";
}
