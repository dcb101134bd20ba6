// The admin gate for pages and server actions, which read the session from next/headers rather than a Request.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getConfig } from "../config";
import { AppError } from "../errors/app-error";
import { ADMIN_COOKIE, verifyAdminSession } from "./admin-session";
import { hasBearer } from "./bearer";

const outsideRequest = (err: unknown) => err instanceof Error && err.message.includes("outside a request scope");

/** The signed-in admin, or null. Called with no request at all (a direct function call), nobody is signed in. */
export async function currentAdmin(now = new Date()): Promise<string | null> {
  let cookie: string | undefined;
  let authorization: string | null;
  try {
    cookie = (await cookies()).get(ADMIN_COOKIE)?.value;
    authorization = (await headers()).get("authorization");
  } catch (err) {
    if (outsideRequest(err)) return null;
    throw err;
  }
  const config = getConfig();
  if (hasBearer(authorization, config.ADMIN_TOKEN)) return "token";
  return verifyAdminSession({ secret: config.APP_SECRET, value: cookie, now });
}

export async function requireAdminPage(): Promise<string> {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  return admin;
}

export async function requireAdminAction(): Promise<string> {
  const admin = await currentAdmin();
  if (!admin) throw new AppError("UNAUTHORIZED", "This admin action needs a signed-in admin.");
  return admin;
}
