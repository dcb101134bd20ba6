// The admin gate every /api/admin handler and admin page calls; throws UNAUTHORIZED for anonymous requests.
import { getConfig } from "../config";
import { AppError } from "../errors/app-error";
import { adminFromRequest } from "./admin-session";
import { hasBearer, requireBearer } from "./bearer";

export function requireAdmin(request: Request, now = new Date()): string {
  const config = getConfig();
  const admin = adminFromRequest({ headers: request.headers, adminToken: config.ADMIN_TOKEN, secret: config.APP_SECRET, now, bearerOk: hasBearer });
  if (!admin) throw new AppError("UNAUTHORIZED", "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>.");
  return admin;
}

export function requireCron(request: Request): void {
  requireBearer(request.headers.get("authorization"), getConfig().CRON_SECRET, "This cron endpoint");
}
