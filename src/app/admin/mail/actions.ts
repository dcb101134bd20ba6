"use server";
// Signs in to the captured-mail viewer with a pasted ADMIN_TOKEN and sets the admin session cookie.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ADMIN_COOKIE } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { isAppError } from "@/server/errors/app-error";
import { signInWithAdminToken } from "@/server/mail/admin-mail-access";
import { clientIp } from "@/server/subscriptions/client-ip";

const ZSignIn = z.object({ token: z.string().min(1).max(500) });

export async function signInAction(formData: FormData): Promise<void> {
  const parsed = ZSignIn.safeParse({ token: formData.get("token") });
  if (!parsed.success) redirect("/admin/mail?error=missing");
  const config = getConfig();
  const session = await signInWithAdminToken({ db: getDb(), adminToken: config.ADMIN_TOKEN, secret: config.APP_SECRET, token: parsed.data.token, ip: clientIp(await headers()), now: new Date() }).catch((err: unknown) => {
    if (isAppError(err)) return err.code === "RATE_LIMITED" ? ("limited" as const) : ("wrong" as const);
    throw err;
  });
  if (typeof session === "string") redirect(`/admin/mail?error=${session}`);
  (await cookies()).set(ADMIN_COOKIE, session.value, { httpOnly: true, sameSite: "lax", secure: config.APP_URL.startsWith("https:"), path: "/", expires: session.expires });
  redirect("/admin/mail");
}
