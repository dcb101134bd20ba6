// Admin sign-in and sign-out: the credential check (constant time), the per-IP attempt limit, the session and its cookie.
import type { Db } from "../db";
import { AppError, rateLimitedError } from "../errors/app-error";
import { hitRateLimit, refundRateLimit } from "../repo/rate-limits";
import { recordAudit } from "../repo/audit-log";
import { ADMIN_COOKIE } from "./admin-cookie";
import { createAdminSession, revokeAdminSession } from "./admin-session";
import { safeEqual } from "./secrets";

export const LOGIN_LIMIT = 10;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type TAdminCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; expires: Date };
};

/** Which credential matched: both are always compared, so timing does not tell which one exists. */
export function matchAdminCredential(opts: { credential: string; adminToken: string; adminPassword?: string }): "token" | "password" | null {
  const tokenOk = safeEqual(opts.credential, opts.adminToken);
  const passwordOk = opts.adminPassword !== undefined && safeEqual(opts.credential, opts.adminPassword);
  if (tokenOk) return "token";
  if (passwordOk) return "password";
  return null;
}

export function adminCookie(opts: { value: string; expires: Date; appUrl: string }): TAdminCookie {
  return {
    name: ADMIN_COOKIE,
    value: opts.value,
    options: { httpOnly: true, sameSite: "lax", secure: opts.appUrl.startsWith("https:"), path: "/", expires: opts.expires },
  };
}

export function clearedAdminCookie(appUrl: string): TAdminCookie {
  return adminCookie({ value: "", expires: new Date(0), appUrl });
}

export type TSignInInput = {
  db: Db;
  ip: string;
  credential: string;
  now: Date;
  config: { ADMIN_TOKEN: string; ADMIN_PASSWORD?: string; APP_SECRET: string; APP_URL: string };
};

/**
 * Returns the cookie to set; throws RATE_LIMITED past the limit (without checking) or UNAUTHORIZED. Every attempt is audited. Only failed
 * attempts count: each attempt takes a slot before the check (so guesses sent at once are checked at most LOGIN_LIMIT times) and a
 * success gives its own slot back, so an admin signing in from many browsers is never locked out, and a guesser sharing their address
 * gains nothing from their success.
 */
export async function signInAdmin(input: TSignInInput): Promise<{ actor: string; cookie: TAdminCookie }> {
  const { db, ip, now, config } = input;
  const key = `admin-login:${ip}`;
  const limit = await hitRateLimit({ db, key, limit: LOGIN_LIMIT, windowMs: LOGIN_WINDOW_MS, now });
  if (!limit.allowed) {
    await recordAudit({ db, actor: `anonymous@${ip}`, action: "login.rate_limited", params: { ip }, now });
    throw rateLimitedError({
      message: `admin login rate limit hit for ${ip}`,
      userMessage: "Too many sign-in attempts. Wait 15 minutes and try again.",
      resetAt: limit.resetAt,
      now,
    });
  }
  const matched = matchAdminCredential({ credential: input.credential, adminToken: config.ADMIN_TOKEN, adminPassword: config.ADMIN_PASSWORD });
  if (!matched) {
    await recordAudit({ db, actor: `anonymous@${ip}`, action: "login.failure", params: { ip }, now });
    throw new AppError("UNAUTHORIZED", "wrong admin credential", { userMessage: "That token or password is not right." });
  }
  await refundRateLimit({ db, key, now });
  const actor = `admin:${matched}`;
  const session = await createAdminSession({ db, secret: config.APP_SECRET, subject: actor, now });
  await recordAudit({ db, actor, action: "login.success", params: { ip, method: matched }, now });
  return { actor, cookie: adminCookie({ value: session.value, expires: session.expires, appUrl: config.APP_URL }) };
}

/** Ends the session on the server (so a copy of the cookie stops working too), audits it, and returns the cookie that clears the browser's. */
export async function signOutAdmin(opts: {
  db: Db;
  actor: string;
  sessionCookie: string | undefined;
  now: Date;
  config: { APP_SECRET: string; APP_URL: string };
}): Promise<TAdminCookie> {
  // Both or neither: a sign-out the database was too busy to finish leaves the session working and unaudited, to be pressed again.
  await opts.db.$transaction(async (tx) => {
    await revokeAdminSession({ db: tx, secret: opts.config.APP_SECRET, value: opts.sessionCookie, now: opts.now });
    await recordAudit({ db: tx, actor: opts.actor, action: "logout", now: opts.now });
  });
  return clearedAdminCookie(opts.config.APP_URL);
}
