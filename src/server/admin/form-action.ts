// One shape for every admin server action: check the session, parse the form with zod, run one function, then redirect back with a
// signed notice or error (action-message.ts).
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { requireAdminPage } from "../auth/admin-page";
import { isAppError } from "../errors/app-error";
import { zodMessage } from "../errors/describe-error";
import { requireFormData } from "../http/action-form";
import { logger } from "../logger";
import { withActionMessage } from "./action-message";

export type TFormActionResult = { notice: string; back?: string };

/** The form's text fields, trimmed; Next's own `$ACTION_…` fields and file parts are not the admin's input. */
function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) fields[key] = value.trim();
  return fields;
}

/**
 * Anonymous callers are sent to /admin/login before the form is read. Bad input and AppErrors come back
 * to `back` as ?error=, so nothing is written and the admin sees why.
 */
export async function runFormAction<S extends z.ZodType>(opts: {
  formData: FormData;
  schema: S;
  back: string;
  run: (input: z.infer<S>, actor: string) => Promise<TFormActionResult>;
}): Promise<never> {
  const actor = await requireAdminPage();
  const fields = formFields(requireFormData(opts.formData));
  let target: string;
  try {
    const input = opts.schema.parse(fields);
    const result = await opts.run(input, actor);
    target = withActionMessage(result.back ?? opts.back, "notice", result.notice);
  } catch (err) {
    if (err instanceof ZodError) target = withActionMessage(opts.back, "error", zodMessage(err));
    else if (isAppError(err) && err.code !== "INTERNAL") target = withActionMessage(opts.back, "error", err.userMessage);
    else {
      logger.error({ err }, "admin action failed");
      target = withActionMessage(opts.back, "error", "Something went wrong on our side; see the server log.");
    }
  }
  redirect(target);
}
