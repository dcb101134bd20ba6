// Admin sessions: a signed cookie naming a session row in PostgreSQL, and the one check every admin entry point runs.
import type { Db, TDbOrTx } from "../db";
import { deleteAdminSession, findAdminSession, insertAdminSession } from "../repo/admin-sessions";
import { adminCookieValue } from "./admin-cookie";
import { hasBearer } from "./bearer";
import { randomToken, sha256, signPayload, verifySigned } from "./secrets";

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const PURPOSE = "admin-session";

type TSession = { sid: string; sub: string; exp: number };

/** What a request presents: the Authorization header and the session cookie's value. */
export type TAdminCredentials = { authorization: string | null; sessionCookie: string | undefined };

/** Starts a session: a row keyed by the SHA-256 of a random id, and the cookie value that carries the id, signed. */
export async function createAdminSession(opts: { db: Db; secret: string; subject: string; now: Date }): Promise<{ value: string; expires: Date }> {
  const sid = randomToken();
  const expires = new Date(opts.now.getTime() + SESSION_TTL_MS);
  await insertAdminSession({ db: opts.db, idHash: sha256(sid), actor: opts.subject, expiresAt: expires, now: opts.now });
  return { value: signPayload(opts.secret, PURPOSE, { sid, sub: opts.subject, exp: expires.getTime() }), expires };
}

/** The cookie's session when it is ours and unexpired, checked without the database, so forged cookies cost no query. */
function readSession(secret: string, value: string | undefined, now: Date): TSession | null {
  if (!value) return null;
  const session = verifySigned<TSession>(secret, PURPOSE, value);
  if (!session || typeof session.sid !== "string" || typeof session.exp !== "number" || session.exp <= now.getTime()) return null;
  return session;
}

/**
 * The admin behind a request, or null: the ADMIN_TOKEN bearer, or a session cookie whose row still exists. The proxy,
 * pages, route handlers and server actions all decide through this one function, so a signed-out session is refused
 * by each of them, on every instance. A cookie costs one primary-key read.
 */
export async function authenticateAdmin(opts: {
  db: Db;
  config: { ADMIN_TOKEN: string; APP_SECRET: string };
  credentials: TAdminCredentials;
  now: Date;
}): Promise<string | null> {
  if (hasBearer(opts.credentials.authorization, opts.config.ADMIN_TOKEN)) return "token";
  const session = readSession(opts.config.APP_SECRET, opts.credentials.sessionCookie, opts.now);
  if (!session) return null;
  const row = await findAdminSession({ db: opts.db, idHash: sha256(session.sid), now: opts.now });
  return row?.actor ?? null;
}

/** Ends the cookie's session for every copy of the cookie; a missing, forged or already ended one changes nothing. */
export async function revokeAdminSession(opts: { db: TDbOrTx; secret: string; value: string | undefined; now: Date }): Promise<void> {
  const session = readSession(opts.secret, opts.value, opts.now);
  if (session) await deleteAdminSession({ db: opts.db, idHash: sha256(session.sid) });
}

/** The credentials in a Request's headers (route handlers and the proxy). */
export function credentialsFromHeaders(headers: Headers): TAdminCredentials {
  return { authorization: headers.get("authorization"), sessionCookie: adminCookieValue(headers.get("cookie")) };
}
