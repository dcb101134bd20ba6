"use server";
// Sign-out: ends the session on the server (every copy of the cookie stops working), audited, and clears the cookie.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOutAdmin } from "@/server/auth/admin-login";
import { currentSessionCookie, requireAdminPage } from "@/server/auth/admin-page";
import { adminContext } from "@/server/admin/admin-context";

export async function signOutAction(): Promise<void> {
  const actor = await requireAdminPage();
  const { db, config, now } = adminContext();
  const cleared = await signOutAdmin({ db, config, now, actor, sessionCookie: await currentSessionCookie() });
  (await cookies()).set(cleared.name, cleared.value, cleared.options);
  redirect("/admin/login?m=signed-out");
}
