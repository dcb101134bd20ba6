// The admin gate every /api/admin handler and admin page calls; throws UNAUTHORIZED for anonymous requests.
import { getConfig } from "../config";
import { getDb } from "../db";
import { AppError } from "../errors/app-error";
import { authenticateAdmin, credentialsFromHeaders } from "./admin-session";
import { requireBearer } from "./bearer";

export async function requireAdmin(request: Request, now = new Date()): Promise<string> {
  const admin = await authenticateAdmin({ db: getDb(), config: getConfig(), credentials: credentialsFromHeaders(request.headers), now });
  if (!admin) throw new AppError("UNAUTHORIZED", "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>.");
  return admin;
}

export function requireCron(request: Request): void {
  requireBearer(request.headers.get("authorization"), getConfig().CRON_SECRET, "This cron endpoint");
}
