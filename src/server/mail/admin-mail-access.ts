// Who may read captured mail: holders of the admin session cookie, which pasting ADMIN_TOKEN creates.
import { createAdminSession, verifyAdminSession } from "../auth/admin-session";
import { safeEqual } from "../auth/secrets";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { hitRateLimit } from "../repo/rate-limits";

export function isMailViewerAdmin(opts: { secret: string; cookie: string | undefined; now: Date }): boolean {
  return verifyAdminSession({ secret: opts.secret, value: opts.cookie, now: opts.now }) !== null;
}

/** Checks a pasted ADMIN_TOKEN (10 tries per IP per 10 minutes) and returns a fresh session cookie. */
export async function signInWithAdminToken(opts: { db: Db; adminToken: string; secret: string; token: string; ip: string; now: Date }): Promise<{ value: string; expires: Date }> {
  const hit = await hitRateLimit({ db: opts.db, key: `admin-signin:ip:${opts.ip}`, limit: 10, windowMs: 10 * 60 * 1000, now: opts.now });
  if (!hit.allowed) throw new AppError("RATE_LIMITED", "Too many admin sign-in attempts.", { userMessage: "Too many attempts. Wait a few minutes." });
  if (!safeEqual(opts.token.trim(), opts.adminToken)) throw new AppError("UNAUTHORIZED", "Wrong admin token.", { userMessage: "That is not the admin token." });
  return createAdminSession({ secret: opts.secret, subject: "token", now: opts.now });
}
