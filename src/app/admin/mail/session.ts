// Whether this request carries a valid admin session cookie, for the captured-mail pages.
import { cookies } from "next/headers";
import { ADMIN_COOKIE } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
import { isMailViewerAdmin } from "@/server/mail/admin-mail-access";

export async function mailViewerSignedIn(): Promise<boolean> {
  const cookie = (await cookies()).get(ADMIN_COOKIE)?.value;
  return isMailViewerAdmin({ secret: getConfig().APP_SECRET, cookie, now: new Date() });
}
