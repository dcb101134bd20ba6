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
 * another site's page included, so a change made with it must come from this site's own pages (an Origin that is ours); the bearer
 * token is never sent on its own, so a change made with it needs nothing more.
 */
export async function requireAdmin(request: Request, now = new Date()): Promise<string> {
  const config = getConfig();
  const admin = await authenticateAdmin({ db: getDb(), config, credentials: credentialsFromHeaders(request.headers), now });
  if (!admin) throw new AppError("UNAUTHORIZED", "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>.");
  const byToken = hasBearer(request.headers.get("authorization"), config.ADMIN_TOKEN);
  if (!byToken && !READS.has(request.method) && (request.headers.get("origin") === null || !isSameOrigin(request.headers))) {
    throw new AppError(
      "FORBIDDEN",
      "A change made with the admin session must come from this site's own pages; other clients send Authorization: Bearer <ADMIN_TOKEN>.",
    );
  }
  return admin;
}

export function requireCron(request: Request): void {
  requireBearer(request.headers.get("authorization"), getConfig().CRON_SECRET, "This cron endpoint");
}
