"use server";
// Sign-in: the one admin action open to anonymous callers (its whole job is to check the credential, rate-limited).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInAdmin } from "@/server/auth/admin-login";
import { clientAddress } from "@/server/http/client-address";
import { adminContext } from "@/server/admin/admin-context";
import { isAppError } from "@/server/errors/app-error";
import { requireFormData } from "@/server/http/action-form";

const ZSignIn = z.object({ credential: z.string().min(1, "Enter the admin token or password.").max(1000) });

export async function signInAction(formData: FormData): Promise<void> {
  const parsed = ZSignIn.safeParse({ credential: requireFormData(formData).get("credential") });
  if (!parsed.success) redirect(`/admin/login?error=${encodeURIComponent(parsed.error.issues[0]?.message ?? "Invalid input.")}`);
  const { db, config, now } = adminContext();
  let failure: string | null = null;
  try {
    const { cookie } = await signInAdmin({ db, config, now, ip: clientAddress(await headers()), credential: parsed.data.credential });
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  } catch (err) {
    if (!isAppError(err)) throw err;
    failure = err.userMessage;
  }
  redirect(failure ? `/admin/login?error=${encodeURIComponent(failure)}` : "/admin");
}
