// Signed admin session cookies: who signed in and until when, verified without a database round trip.
import { signPayload, verifySigned } from "./secrets";

export const ADMIN_COOKIE = "pd_admin";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

type TSession = { sub: string; exp: number };

export function createAdminSession(opts: { secret: string; subject: string; now: Date }): { value: string; expires: Date } {
  const exp = opts.now.getTime() + SESSION_TTL_MS;
  return { value: signPayload(opts.secret, "admin-session", { sub: opts.subject, exp }), expires: new Date(exp) };
}

/** The signed-in admin's name, or null for a missing, forged or expired cookie. */
export function verifyAdminSession(opts: { secret: string; value: string | undefined; now: Date }): string | null {
  if (!opts.value) return null;
  const session = verifySigned<TSession>(opts.secret, "admin-session", opts.value);
  if (!session || typeof session.exp !== "number" || session.exp <= opts.now.getTime()) return null;
  return session.sub;
}

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** The admin behind a request: a valid session cookie or the ADMIN_TOKEN bearer. */
export function adminFromRequest(opts: {
  headers: Headers;
  adminToken: string;
  secret: string;
  now: Date;
  bearerOk: (auth: string | null, expected: string) => boolean;
}): string | null {
  if (opts.bearerOk(opts.headers.get("authorization"), opts.adminToken)) return "token";
  return verifyAdminSession({ secret: opts.secret, value: cookieValue(opts.headers.get("cookie"), ADMIN_COOKIE), now: opts.now });
}
