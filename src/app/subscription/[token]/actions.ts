"use server";
// Manage-page actions, each authorised by the signed manage token the form carries: save, pause, resume, unsubscribe, delete; undo a
// feedback press, follow or unfollow a name, rotate the private feed URL, forget this browser or sign out the others.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z, ZodError } from "zod";
import { queryValues } from "@/core/query-values";
import { ZLinkToken } from "@/server/auth/secrets";
import { isAppError, type TErrorCode } from "@/server/errors/app-error";
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

const STEPS = { pause: pauseWithToken, resume: resumeWithToken, unsubscribe: (t: string) => unsubscribeWithToken(t, "manage") } as const;

/** False when the link is no longer valid (the subscription page then says why); any other failure is a real error and propagates. */
async function succeeded(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (err) {
    if (isAppError(err) && err.status < 500) return false;
    throw err;
  }
}

async function runStep(formData: FormData, step: keyof typeof STEPS): Promise<void> {
  const token = tokenFrom(formData);
  if (!token) redirect("/subscription/invalid");
  const ok = await succeeded(STEPS[step](token));
  redirect(`/subscription/${token}${ok ? `?done=${step}` : ""}`);
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
  const ok = await succeeded(eraseWithToken(token));
  redirect(ok ? "/subscribe/deleted" : `/subscription/${token}`);
}

async function setCookies(list: TReaderCookie[]): Promise<void> {
  const jar = await cookies();
  for (const c of list) jar.set(c.name, c.value, c.options);
}

/**
 * Runs one reader step and reopens the manage page saying how it went: `done` on success, `${done}-invalid` for input the step
 * refused (a bad name to follow), nothing when the link itself no longer works (the page then says why).
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
    if (err instanceof ZodError) outcome = `${done}-invalid`;
    else if (isAppError(err) && refusals[err.code]) outcome = refusals[err.code]!;
    else if (isAppError(err) && err.status < 500) outcome = "";
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
