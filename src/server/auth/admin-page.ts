// The admin gate for pages and server actions, which read the session from next/headers rather than a Request.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getConfig } from "../config";
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

/** The signed-in admin for a page or a server action; anyone else is sent to the sign-in page (an error thrown from an action would be a bare 500). */
export async function requireAdminPage(): Promise<string> {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  return admin;
}

/**
 * The client address for rate limits. The last X-Forwarded-For entry is the one our own reverse proxy appended;
 * earlier entries come from the client and could be forged to dodge the limit.
 */
export async function requestIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "unknown";
}
