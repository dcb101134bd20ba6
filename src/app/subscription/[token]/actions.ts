"use server";
// Manage-page actions, each authorised by the signed manage token the form carries: save, pause, resume, unsubscribe, delete; undo a
// feedback press, follow or unfollow a name, rotate the private feed URL, forget this browser or sign out the others.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { queryValues } from "@/core/query-values";
import { ZLinkToken } from "@/server/auth/secrets";
import type { TErrorCode } from "@/server/errors/app-error";
import { knownError } from "@/server/errors/known-error";
import { requireFormData } from "@/server/http/action-form";
import { errorState, formValues, okState, type TFormState } from "@/server/subscriptions/form-state";
import type { TReaderCookie } from "@/server/reader/reader-cookie";
import {
  eraseWithToken,
  followWithToken,
  forgottenReaderCookies,
  pauseWithToken,
  resumeWithToken,
  rotateFeedWithToken,
  savePreferences,
  signOutOthersWithToken,
  undoFeedbackWithToken,
  unfollowWithToken,
  unsubscribeWithToken,
} from "@/server/subscriptions/subscription-service";

const ZToken = z.object({ token: ZLinkToken });

function tokenFrom(formData: FormData): string | null {
  const parsed = ZToken.safeParse({ token: requireFormData(formData).get("token") });
  return parsed.success ? parsed.data.token : null;
}

export async function savePreferencesAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const token = tokenFrom(formData);
  if (!token) return { status: "error", message: "This link is not valid.", fieldErrors: {} };
  try {
    await savePreferences(token, queryValues(formData));
  } catch (err) {
    return { ...errorState(err), values: formValues(formData) };
  }
  revalidatePath(`/subscription/${token}`);
  return okState("Preferences saved. Your next digest will use them.");
}

/** The `?done=` the manage page reads as "the database was busy, nothing changed" (src/app/subscription/[token]/page.tsx). */
const BUSY = "busy";

const STEPS = { pause: pauseWithToken, resume: resumeWithToken, unsubscribe: (t: string) => unsubscribeWithToken(t, "manage") } as const;

/**
 * How a step went: "refused" when the link is no longer valid (the subscription page then says why), "busy" when the database could
 * not take it (nothing changed; the page says to try again); any other failure is a real error and propagates.
 */
async function outcomeOf(work: Promise<unknown>): Promise<"done" | "refused" | "busy"> {
  try {
    await work;
    return "done";
  } catch (err) {
    const known = knownError(err);
    if (known?.code === "UNAVAILABLE") return "busy";
    if (known && known.status < 500) return "refused";
    throw err;
  }
}

async function runStep(formData: FormData, step: keyof typeof STEPS): Promise<void> {
  const token = tokenFrom(formData);
  if (!token) redirect("/subscription/invalid");
  const said = { done: `?done=${step}`, busy: `?done=${BUSY}`, refused: "" }[await outcomeOf(STEPS[step](token))];
  redirect(`/subscription/${token}${said}`);
}

export async function pauseAction(formData: FormData): Promise<void> {
  await runStep(formData, "pause");
}

export async function resumeAction(formData: FormData): Promise<void> {
  await runStep(formData, "resume");
}

export async function unsubscribeAction(formData: FormData): Promise<void> {
  await runStep(formData, "unsubscribe");
}

export async function deleteDataAction(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  if (!token || formData.get("confirm") !== "on") redirect(token ? `/subscription/${token}?done=delete-unconfirmed` : "/subscription/invalid");
  const outcome = await outcomeOf(eraseWithToken(token));
  redirect(outcome === "done" ? "/subscribe/deleted" : `/subscription/${token}${outcome === "busy" ? `?done=${BUSY}` : ""}`);
}

async function setCookies(list: TReaderCookie[]): Promise<void> {
  const jar = await cookies();
  for (const c of list) jar.set(c.name, c.value, c.options);
}

/**
 * Runs one reader step and reopens the manage page saying how it went: `done` on success, `${done}-invalid` for input the step
 * refused (a bad name to follow), BUSY when the database could not take it, nothing when the link itself no longer works (the page
 * then says why).
 */
async function runReaderStep(
  formData: FormData,
  done: string,
  step: (token: string, fields: Record<string, unknown>) => Promise<TReaderCookie[] | void>,
  /** The outcome a step's own refusal is said with (a follow past MAX_FOLLOWS), where other refusals pass silently. */
  refusals: Partial<Record<TErrorCode, string>> = {},
): Promise<void> {
  const token = tokenFrom(formData);
  if (!token) redirect("/subscription/invalid");
  let outcome = done;
  try {
    const result = await step(token, queryValues(formData));
    if (result) await setCookies(result);
  } catch (err) {
    const known = knownError(err);
    if (err instanceof ZodError) outcome = `${done}-invalid`;
    else if (known && refusals[known.code]) outcome = refusals[known.code]!;
    else if (known?.code === "UNAVAILABLE") outcome = BUSY;
    else if (known && known.status < 500) outcome = "";
    else throw err;
  }
  redirect(`/subscription/${token}${outcome ? `?done=${outcome}` : ""}`);
}

export async function undoFeedbackAction(formData: FormData): Promise<void> {
  await runReaderStep(formData, "undo", (token, fields) => undoFeedbackWithToken(token, fields.paperId));
}

export async function followAction(formData: FormData): Promise<void> {
  await runReaderStep(formData, "follow", (token, fields) => followWithToken(token, { kind: fields.kind, label: fields.label }), {
    CONFLICT: "follow-limit",
  });
}

export async function unfollowAction(formData: FormData): Promise<void> {
  await runReaderStep(formData, "unfollow", (token, fields) => unfollowWithToken(token, { kind: fields.kind, key: fields.key }));
}

export async function rotateFeedAction(formData: FormData): Promise<void> {
  await runReaderStep(formData, "rotate", (token) => rotateFeedWithToken(token));
}

export async function signOutOthersAction(formData: FormData): Promise<void> {
  await runReaderStep(formData, "sign-out-others", (token) => signOutOthersWithToken(token));
}

/** Only this browser's cookies go; other browsers stay recognised (that is "sign out other browsers"). */
export async function forgetBrowserAction(formData: FormData): Promise<void> {
  await setCookies(forgottenReaderCookies());
  await runReaderStep(formData, "forget", async () => {});
}
