"use server";
// Manage-page actions, each authorised by the signed manage token the form carries: save, pause, resume, unsubscribe, delete.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/server/errors/app-error";
import { requireFormData } from "@/server/http/action-form";
import { errorState, formValues, okState, type TFormState } from "@/server/subscriptions/form-state";
import { eraseWithToken, pauseWithToken, resumeWithToken, savePreferences, unsubscribeWithToken } from "@/server/subscriptions/subscription-service";

const ZToken = z.object({ token: z.string().min(10).max(2000) });

function tokenFrom(formData: FormData): string | null {
  const parsed = ZToken.safeParse({ token: requireFormData(formData).get("token") });
  return parsed.success ? parsed.data.token : null;
}

export async function savePreferencesAction(_prev: TFormState, formData: FormData): Promise<TFormState> {
  const token = tokenFrom(formData);
  if (!token) return { status: "error", message: "This link is not valid.", fieldErrors: {} };
  try {
    await savePreferences(token, Object.fromEntries(formData));
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
