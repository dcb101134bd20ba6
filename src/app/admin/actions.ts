"use server";
// Sign-out: audited, clears the session cookie.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { clearedAdminCookie } from "@/server/auth/admin-login";
import { requireAdminPage } from "@/server/auth/admin-page";
import { adminContext } from "@/server/admin/admin-context";
import { recordAudit } from "@/server/repo/audit-log";

export async function signOutAction(): Promise<void> {
  const actor = await requireAdminPage();
  const { db, config, now } = adminContext();
  await recordAudit({ db, actor, action: "logout", now });
  const cleared = clearedAdminCookie(config.APP_URL);
  (await cookies()).set(cleared.name, cleared.value, cleared.options);
  redirect("/admin/login?notice=Signed%20out.");
}
