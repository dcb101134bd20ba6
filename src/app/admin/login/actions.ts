"use server";
// Sign-in: the one admin action open to anonymous callers (its whole job is to check the credential, rate-limited).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signInAdmin } from "@/server/auth/admin-login";
import { clientAddress } from "@/server/http/client-address";
import { adminContext } from "@/server/admin/admin-context";
import { knownError } from "@/server/errors/known-error";
import { requireFormData } from "@/server/http/action-form";
import type { TSignInMessage } from "./sign-in-messages";

const ZSignIn = z.object({ credential: z.string().min(1).max(1000) });

export async function signInAction(formData: FormData): Promise<void> {
  const parsed = ZSignIn.safeParse({ credential: requireFormData(formData).get("credential") });
  if (!parsed.success) redirect(signInPage("no-credential"));
  const { db, config, now } = adminContext();
  let failure: TSignInMessage | null = null;
  try {
    const { cookie } = await signInAdmin({ db, config, now, ip: clientAddress(await headers()), credential: parsed.data.credential });
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  } catch (err) {
    const known = knownError(err);
    if (!known) throw err;
    failure = known.code === "RATE_LIMITED" ? "rate-limited" : known.code === "UNAVAILABLE" ? "busy" : "wrong-credential";
  }
  redirect(failure ? signInPage(failure) : "/admin");
}

const signInPage = (message: TSignInMessage) => `/admin/login?m=${message}`;
