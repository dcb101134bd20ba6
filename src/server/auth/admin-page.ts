// The admin gate for pages and server actions, which read the session from next/headers rather than a Request.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getConfig } from "../config";
import { getDb } from "../db";
import { readForPage, type TPageRead } from "../http/page-read";
import { ADMIN_COOKIE } from "./admin-cookie";
import { authenticateAdmin, type TAdminCredentials } from "./admin-session";

const outsideRequest = (err: unknown) => err instanceof Error && err.message.includes("outside a request scope");

/**
 * The request's credentials, or null outside a request (a direct function call). The cookie comes from cookies(), which
 * also sees a cookie set earlier in the same request (a sign-in action rendering the page it redirects to).
 */
async function requestCredentials(): Promise<TAdminCredentials | null> {
  try {
    return { sessionCookie: (await cookies()).get(ADMIN_COOKIE)?.value, authorization: (await headers()).get("authorization") };
  } catch (err) {
    if (outsideRequest(err)) return null;
    throw err;
  }
}

/** The signed-in admin, or null. Memoized per render (React cache), so a layout and its page share one session read. */
export const currentAdmin = cache(async (): Promise<string | null> => {
  const credentials = await requestCredentials();
  if (!credentials) return null;
  return authenticateAdmin({ db: getDb(), config: getConfig(), credentials, now: new Date() });
});

/** The session cookie of the current request, for signing out. */
export async function currentSessionCookie(): Promise<string | undefined> {
  return (await requestCredentials())?.sessionCookie;
}

/** The signed-in admin for a page or a server action; anyone else is sent to the sign-in page (an error thrown from an action would be a bare 500). */
export async function requireAdminPage(): Promise<string> {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  return admin;
}

/**
 * An admin page's session check (requireAdminPage) and reads: their value, or the problem a database too busy to answer stands for, with
 * the page answered 503 and Retry-After (readForPage) to show AdminReadProblem, where a throw was Next's bare 500.
 */
export function readAdminPage<T>(read: () => Promise<T>): Promise<TPageRead<T>> {
  return readForPage(async () => {
    await requireAdminPage();
    return read();
  });
}
