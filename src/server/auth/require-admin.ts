// The admin gate every /api/admin handler and admin page calls; throws UNAUTHORIZED for anonymous requests.
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors/app-error";
import { authenticateAdmin, credentialsFromHeaders } from "./admin-session";
import { hasBearer, requireBearer } from "./bearer";
import { isSameOrigin } from "../http/form-post-guard";

const READS = new Set(["GET", "HEAD"]);

/**
 * The admin behind an API request. The session cookie rides along with whatever a browser sends, a form or a no-cors fetch from
 * another site's page included, and a browser names the page's origin on every such request, so a change made with the cookie and
 * another Origin is refused (a client that sends none is no browser: a script holding a copy of the cookie); the bearer token is
 * never sent on its own, so a change made with it needs nothing more.
 */
export async function requireAdmin(request: Request, now = new Date()): Promise<string> {
  const config = getConfig();
  const admin = await authenticateAdmin({ db: getDb(), config, credentials: credentialsFromHeaders(request.headers), now });
  if (!admin) throw new AppError("UNAUTHORIZED", "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>.");
  const byToken = hasBearer(request.headers.get("authorization"), config.ADMIN_TOKEN);
  if (!byToken && !READS.has(request.method) && !isSameOrigin(request.headers)) {
    throw new AppError("FORBIDDEN", "A change made with the admin session cannot come from another site's page.");
  }
  return admin;
}

export function requireCron(request: Request): void {
  requireBearer(request.headers.get("authorization"), getConfig().CRON_SECRET, "This cron endpoint");
}
